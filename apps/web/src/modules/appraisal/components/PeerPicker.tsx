import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { searchUsers } from '../api';

type Props = {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** The employee and their supervisor cannot review as peers. */
  exclude: number[];
  /** Names of people already picked, shown before a search loads them. */
  known?: { id: number; name: string }[];
  max: number;
  id?: string;
  /** Also told the names of the people picked. */
  onNames?: (names: Record<number, string>) => void;
};

/** Picks the 2–5 colleagues (setting) who fill in 《年度績效考核同事評價表》. */
export function PeerPicker({ value, onChange, exclude, known = [], max, id, onNames }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({ queryKey: ['users', 'search', 'peers', q], queryFn: ({ signal }) => searchUsers(q, signal) });
  const options = useMemo(() => {
    const list = (data?.items ?? [])
      .filter((u) => !exclude.includes(u.id))
      .map((u) => ({ value: u.id, label: u.name, title: [u.departmentName, u.positionTitle].filter(Boolean).join(' · ') }));
    for (const k of known) if (!list.some((o) => o.value === k.id)) list.unshift({ value: k.id, label: k.name, title: '' });
    return list;
  }, [data, exclude, known]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      value={value}
      onChange={(ids) => {
        onChange?.(ids.slice(0, max));
        onNames?.(Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label])));
      }}
      onSearch={setSearch}
      loading={isFetching}
      options={options}
      placeholder={t('appraisal.peers.pickPlaceholder', { max })}
      maxCount={max}
      style={{ width: '100%' }}
      data-testid="peer-picker"
    />
  );
}
