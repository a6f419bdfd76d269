import type { QueryClient } from '@tanstack/react-query';
import { SALES_ROOT_KEYS } from './api';

/** A transition changes lists, records, the funnel, "my work" and notifications together. */
export function invalidateSales(queryClient: QueryClient): void {
  for (const key of SALES_ROOT_KEYS) void queryClient.invalidateQueries({ queryKey: [...key] });
}
