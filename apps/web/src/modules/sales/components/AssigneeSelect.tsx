import { useMemo } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ListPage } from '../../../app/api-client';
import type { UserDto } from '@domain/org/user.schema.js';

type Props = { value?: number | null; onChange?: (value: number | null) => void; id?: string };

const listByRole = (role: 'pm' | 'specialist', signal?: AbortSignal) =>
  api.get<ListPage<UserDto>>('/api/users', { role, active: 'true', pageSize: 200, sort: 'name' }, signal);

/** A lead goes to a project manager or a business specialist [3.1.3]: both lists, grouped. */
export function AssigneeSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const pms = useQuery({ queryKey: ['users', 'role', 'pm'], queryFn: ({ signal }) => listByRole('pm', signal) });
  const specialists = useQuery({ queryKey: ['users', 'role', 'specialist'], queryFn: ({ signal }) => listByRole('specialist', signal) });
  const options = useMemo(() => {
    const entry = (u: UserDto) => ({ value: u.id, label: u.name, sub: [u.departmentName, u.positionTitle].filter(Boolean).join(' · '), search: `${u.name} ${u.username} ${u.departmentName ?? ''}` });
    return [
      { label: t('roles.pm'), options: (pms.data?.items ?? []).map(entry) },
      { label: t('roles.specialist'), options: (specialists.data?.items ?? []).map(entry) },
    ];
  }, [pms.data, specialists.data, t]);

  return (
    <Select<number>
      id={id}
      showSearch
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={pms.isFetching || specialists.isFetching}
      placeholder={t('sales.lead.assigneePlaceholder')}
      options={options}
      optionFilterProp="search"
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.sub && <div className="option-sub">{option.data.sub}</div>}
        </div>
      )}
      style={{ width: '100%' }}
      data-testid="assignee-select"
    />
  );
}
