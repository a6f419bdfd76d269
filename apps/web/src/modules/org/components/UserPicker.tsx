import { useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { listUsers, orgKeys } from '../api';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The name to show for `value` before a search has loaded it. */
  initialLabel?: string | null;
  placeholder?: string;
  /** Offer deactivated users too (e.g. when filtering the audit log). */
  includeInactive?: boolean;
  excludeId?: number;
  id?: string;
  style?: CSSProperties;
};

/** Searchable user select: types a name, username or position and asks the server. */
export function UserPicker({ value, onChange, initialLabel, placeholder, includeInactive = false, excludeId, id, style }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: [...orgKeys.userSearch(q), includeInactive],
    queryFn: ({ signal }) => listUsers({ page: 1, pageSize: 20, q: q || undefined, active: includeInactive ? undefined : 'true', sort: 'name' }, signal),
  });
  const options = useMemo(() => {
    const list = (data?.items ?? [])
      .filter((u) => u.id !== excludeId)
      .map((u) => ({
        value: u.id,
        label: `${u.name}（${u.username}）`,
        title: [u.departmentName, u.positionTitle].filter(Boolean).join(' · '),
      }));
    if (value && initialLabel && !list.some((o) => o.value === value)) list.unshift({ value, label: initialLabel, title: '' });
    return list;
  }, [data, value, initialLabel, excludeId]);

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onSearch={setSearch}
      onOpenChange={(open) => !open && setSearch('')}
      filterOption={false}
      loading={isFetching}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.title && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>}
        </div>
      )}
      notFoundContent={isFetching ? t('common.loading') : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
