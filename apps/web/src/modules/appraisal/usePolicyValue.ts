import { useQuery } from '@tanstack/react-query';
import { api, type ListPage } from '../../app/api-client';

type PolicyRow = { key: string; value: unknown };

/** A policy parameter in force (comment thresholds, grade bands…), undefined while loading. */
export function usePolicyValue<T>(key: string): T | undefined {
  const { data } = useQuery({
    queryKey: ['policies'],
    queryFn: ({ signal }) => api.get<ListPage<PolicyRow>>('/api/policies', undefined, signal),
    staleTime: 10 * 60_000,
  });
  return data?.items.find((p) => p.key === key)?.value as T | undefined;
}
