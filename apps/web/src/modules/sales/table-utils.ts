/** ProTable's sorter state → the API's `sort` parameter ('name' or '-name'). */
export function sortParam(sort: Record<string, 'ascend' | 'descend' | null>): string | undefined {
  const [key, order] = Object.entries(sort).find(([, o]) => o) ?? [];
  if (!key || !order) return undefined;
  return order === 'descend' ? `-${key}` : key;
}

/** Description lists: every breakpoint spelled out (antd falls back to 3 columns for the ones left out). */
export const TWO_COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 } as const;
export const THREE_COLUMNS = { xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 } as const;
