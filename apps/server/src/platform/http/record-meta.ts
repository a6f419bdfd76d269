/** The fields every business record carries, as the API shows them. */
export function presentRecordMeta(row: { id: number; version: number; created_at: string; created_by: number | null; updated_at: string }) {
  return { id: row.id, version: row.version, createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at };
}
