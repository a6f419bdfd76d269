import { useQuery } from '@tanstack/react-query';
import { api, type ListPage } from '../../app/api-client';

type SettingRow = { key: string; value: unknown };

/** The value in force of a company setting (upload limit, grade bands, comment thresholds…), undefined while loading. */
export function useSetting<T>(key: string): T | undefined {
  const { data } = useQuery({
    queryKey: ['settings'],
    queryFn: ({ signal }) => api.get<ListPage<SettingRow>>('/api/settings', undefined, signal),
    staleTime: 10 * 60_000,
  });
  return data?.items.find((p) => p.key === key)?.value as T | undefined;
}
