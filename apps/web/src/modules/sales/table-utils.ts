/** ProTable's sorter state → the API's `sort` parameter ('name' or '-name'). */
export function sortParam(sort: Record<string, 'ascend' | 'descend' | null>): string | undefined {
  const [key, order] = Object.entries(sort).find(([, o]) => o) ?? [];
  if (!key || !order) return undefined;
  return order === 'descend' ? `-${key}` : key;
}
