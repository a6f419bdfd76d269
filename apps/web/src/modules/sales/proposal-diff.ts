/**
 * Turns the field changes the API reports between two proposal versions
 * (`{ field: 'goals' | 'milestones.2' | 'totalFen' …, before, after }`) into rows a reviewer can read.
 */

export type FieldChange = { field: string; before: unknown; after: unknown };
export type LineOp = { op: 'same' | 'add' | 'del'; text: string };

export const TEXT_SECTIONS = ['title', 'goals', 'workContent', 'assumptions'] as const;
export const LIST_SECTIONS = ['milestones', 'budgetLines'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];
export type ListSection = (typeof LIST_SECTIONS)[number];

export type ItemFieldName = 'name' | 'start' | 'end' | 'deliverable' | 'item' | 'amountFen' | 'note';
export type ItemField = { name: ItemFieldName; before: unknown; after: unknown; changed: boolean };

export type ChangeRow =
  | { key: string; kind: 'text'; section: TextSection; lines: LineOp[] }
  | { key: string; kind: 'item'; section: ListSection; index: number; change: 'added' | 'removed' | 'changed'; fields: ItemField[] }
  | { key: string; kind: 'total'; before: number; after: number; delta: number }
  | { key: string; kind: 'other'; field: string; before: unknown; after: unknown };

const ITEM_FIELDS: Record<ListSection, readonly ItemFieldName[]> = {
  milestones: ['name', 'start', 'end', 'deliverable'],
  budgetLines: ['item', 'amountFen', 'note'],
};

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n/g, '\n').split('\n');
}

/** Line diff by longest common subsequence: unchanged, removed and added lines in reading order. */
export function lineDiff(before: string, after: string): LineOp[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'del', text: a[i]! });
      i++;
    } else {
      out.push({ op: 'add', text: b[j]! });
      j++;
    }
  }
  while (i < n) out.push({ op: 'del', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rows in the order a reader expects: title, goals, work content, milestones, budget, total, assumptions. */
export function changeRows(changes: readonly FieldChange[]): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const change of changes) {
    const [section, indexText] = change.field.split('.');
    if ((TEXT_SECTIONS as readonly string[]).includes(change.field)) {
      rows.push({ key: change.field, kind: 'text', section: change.field as TextSection, lines: lineDiff(String(change.before ?? ''), String(change.after ?? '')) });
    } else if (section && (LIST_SECTIONS as readonly string[]).includes(section) && indexText !== undefined && /^\d+$/.test(indexText)) {
      const before = asRecord(change.before);
      const after = asRecord(change.after);
      const names = ITEM_FIELDS[section as ListSection];
      rows.push({
        key: change.field,
        kind: 'item',
        section: section as ListSection,
        index: Number(indexText),
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        fields: names
          .map((name) => ({ name, before: before?.[name], after: after?.[name], changed: !same(before?.[name], after?.[name]) }))
          .filter((f) => f.before !== undefined || f.after !== undefined),
      });
    } else if (change.field === 'totalFen' && typeof change.before === 'number' && typeof change.after === 'number') {
      rows.push({ key: change.field, kind: 'total', before: change.before, after: change.after, delta: change.after - change.before });
    } else {
      rows.push({ key: change.field, kind: 'other', field: change.field, before: change.before, after: change.after });
    }
  }
  const order = (row: ChangeRow): number => {
    const section = row.kind === 'text' || row.kind === 'item' ? row.section : row.kind === 'total' ? 'totalFen' : 'zz';
    const rank = ['title', 'goals', 'workContent', 'milestones', 'budgetLines', 'totalFen', 'assumptions'].indexOf(section);
    return (rank < 0 ? 99 : rank) * 1000 + (row.kind === 'item' ? row.index : 0);
  };
  return rows.sort((a, b) => order(a) - order(b));
}
