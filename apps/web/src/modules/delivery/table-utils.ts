/** ProTable's sorter state → the API's `sort` parameter, through a column → field map. */
export function sortParam(sort: Record<string, 'ascend' | 'descend' | null>, fields: Record<string, string> = {}): string | undefined {
  const [key, order] = Object.entries(sort).find(([, o]) => o) ?? [];
  if (!key || !order) return undefined;
  const field = fields[key] ?? key;
  return order === 'descend' ? `-${field}` : field;
}

export const TWO_COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 } as const;
export const THREE_COLUMNS = { xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 } as const;
