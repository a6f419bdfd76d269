import type { DepartmentDto } from '@domain/org/department.schema.js';

export type DepartmentNode = DepartmentDto & { children?: DepartmentNode[] };

function byOrder(a: DepartmentDto, b: DepartmentDto): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
}

/** Builds the tree from parentId; a department whose parent is absent (filtered out) becomes a root. */
export function buildDepartmentTree(items: readonly DepartmentDto[]): DepartmentNode[] {
  const ids = new Set(items.map((d) => d.id));
  const children = new Map<number | null, DepartmentDto[]>();
  for (const d of items) {
    const parent = d.parentId !== null && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(d);
    children.set(parent, list);
  }
  const seen = new Set<number>();
  const build = (parent: number | null): DepartmentNode[] =>
    (children.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort(byOrder)
      .map((d) => {
        seen.add(d.id);
        const kids = build(d.id);
        return kids.length > 0 ? { ...d, children: kids } : { ...d };
      });
  return build(null);
}

/** The id and every id below it: a department cannot move under itself. */
export function subtreeIds(items: readonly DepartmentDto[], rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

export function allIds(nodes: readonly DepartmentNode[]): number[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children ?? [])]);
}
