import { useQuery } from '@tanstack/react-query';
import { api, type ListPage } from '../../app/api-client';

type PolicyRow = { key: string; value: unknown };

/** The value in force of a policy parameter (e.g. the upload limit), or undefined while loading. */
export function usePolicy<T>(key: string): T | undefined {
  const { data } = useQuery({
    queryKey: ['policies'],
    queryFn: ({ signal }) => api.get<ListPage<PolicyRow>>('/api/policies', undefined, signal),
    staleTime: 10 * 60_000,
  });
  return data?.items.find((p) => p.key === key)?.value as T | undefined;
}
