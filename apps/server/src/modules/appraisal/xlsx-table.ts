import ExcelJS from 'exceljs';
import type { Locale } from '@domain/shared/locale.js';
import type { Deps, RequestMeta } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { invalid } from '../../platform/http/errors.js';
import { storedPath } from '../../platform/files/storage.js';
import { findAttachment } from '../../platform/files/attachments.js';

/** One column of an import/export sheet: its field and its header in each language (any is accepted on import). */
export type SheetColumn = { key: string; headers: Record<Locale, string>; width?: number };

export type SheetRow = { line: number; values: Record<string, string | number | null> };

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('').trim() || null;
  if (typeof v === 'object' && 'text' in v) return String((v as ExcelJS.CellHyperlinkValue).text).trim() || null;
  return null;
}

/**
 * Reads the first sheet of an .xlsx the actor uploaded (POST /api/attachments, not yet linked):
 * the header row names the columns, every later non-empty row is data. Anything else → 400.
 */
export async function readUploadedSheet(deps: Deps, db: Executor, meta: RequestMeta, attachmentId: number, columns: readonly SheetColumn[]): Promise<SheetRow[]> {
  const file = await findAttachment(db, attachmentId);
  if (!file || file.uploaded_by !== meta.actor.id || file.entity_id !== null || !file.original_name.toLowerCase().endsWith('.xlsx')) throw invalid({ attachmentId: 'field.importFile' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(storedPath(deps.config, file.stored_name));
  } catch {
    throw invalid({ attachmentId: 'field.importFile' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid({ attachmentId: 'field.importFile' });
  const byHeader = new Map<string, string>();
  for (const c of columns) for (const h of Object.values(c.headers)) byHeader.set(h.toLowerCase(), c.key);
  const keyAt = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(String(cellValue(cell.value) ?? '').toLowerCase());
    if (key) keyAt.set(col, key);
  });
  if (keyAt.size === 0) throw invalid({ attachmentId: 'field.importFile' });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const values: SheetRow['values'] = Object.fromEntries(columns.map((c) => [c.key, null]));
    row.eachCell((cell, col) => {
      const key = keyAt.get(col);
      if (key) values[key] = cellValue(cell.value);
    });
    if (Object.values(values).some((v) => v !== null)) rows.push({ line, values });
  });
  return rows;
}

export function headersIn(columns: readonly SheetColumn[], locale: Locale) {
  return columns.map((c) => ({ header: c.headers[locale], key: c.key, width: c.width ?? 14 }));
}

export type CellProblem = { ok: false; key: string; params?: Record<string, unknown> };

/** A cell as a number, or a field error (message key and parameters). */
export function numberCell(v: string | number | null | undefined, opts: { min?: number; max?: number; integer?: boolean; step?: number } = {}): { ok: true; value: number | null } | CellProblem {
  if (v === null || v === undefined) return { ok: true, value: null };
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n)) return { ok: false, key: 'field.invalidFormat' };
  if (opts.integer && !Number.isInteger(n)) return { ok: false, key: 'field.notInteger' };
  if (opts.step && Math.abs(n / opts.step - Math.round(n / opts.step)) > 1e-9) return { ok: false, key: opts.step === 0.5 ? 'field.halfDays' : 'field.twoDecimals' };
  if (opts.min !== undefined && n < opts.min) return { ok: false, key: 'field.tooSmall', params: { min: opts.min } };
  if (opts.max !== undefined && n > opts.max) return { ok: false, key: 'field.tooBig', params: { max: opts.max } };
  return { ok: true, value: n };
}
