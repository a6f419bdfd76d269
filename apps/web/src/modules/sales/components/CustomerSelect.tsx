import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { listCustomers, salesKeys } from '../api';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  id?: string;
  placeholder?: string;
};

/** Searchable customer select (name or credit code), within what the user may see. */
export function CustomerSelect({ value, onChange, initialLabel, id, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: salesKeys.customerSearch(q),
    queryFn: ({ signal }) => listCustomers({ page: 1, pageSize: 20, q: q || undefined, sort: 'name' }, signal),
  });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((c) => ({ value: c.id, label: c.name, region: c.region }));
    if (value && initialLabel && !list.some((o) => o.value === value)) list.unshift({ value, label: initialLabel, region: '' });
    return list;
  }, [data, value, initialLabel]);

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
      placeholder={placeholder ?? t('sales.customer.searchPlaceholder')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.region && <div className="option-sub">{option.data.region}</div>}
        </div>
      )}
      notFoundContent={isFetching ? t('common.loading') : t('sales.customer.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
