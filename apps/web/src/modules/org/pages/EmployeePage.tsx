import { Card, Descriptions, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { ActiveTag, RoleTag } from '../../../shared/components/tags';
import { RecordPanelCards } from '../../../shared/record-panels';
import { getUser, orgKeys } from '../api';

/** One colleague: who they are in the organisation, and what other modules record about them (commendations, trainings, plans). */
export default function EmployeePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: [...orgKeys.users, 'one', id], queryFn: ({ signal }) => getUser(id, signal), enabled: Number.isInteger(id) });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const u = query.data;
  const empty = t('common.emptyValue');
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {u.name}
            <RoleTag role={u.role} />
            {!u.active && <ActiveTag active={false} />}
          </Space>
        }
        subtitle={[u.positionTitle, u.departmentName].filter(Boolean).join(' · ')}
      />
      <Card className="page-card section-card" title={t('users.employee.profile')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('users.fields.department')}>{u.departmentName ?? empty}</Descriptions.Item>
          <Descriptions.Item label={t('users.fields.position')}>{u.positionTitle ?? empty}</Descriptions.Item>
          <Descriptions.Item label={t('users.fields.supervisor')}>{u.supervisorName ?? empty}</Descriptions.Item>
          <Descriptions.Item label={t('users.fields.hireDate')}>{u.hireDate ?? empty}</Descriptions.Item>
          <Descriptions.Item label={t('users.fields.phone')}>{u.phone ?? empty}</Descriptions.Item>
          <Descriptions.Item label={t('users.fields.email')}>{u.email ?? empty}</Descriptions.Item>
          {u.businessAreas.length > 0 && <Descriptions.Item label={t('users.fields.businessAreas')}>{u.businessAreas.join('、')}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <RecordPanelCards slot="user" recordId={u.id} />
    </>
  );
}
