import { useMemo } from 'react';
import { Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, MinusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { getRoles, orgKeys, type RoleInfo } from '../api';

type Row = { key: string; group: string; permission: string; groupSpan: number; granted: Set<string> };

export default function RolesPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const query = useQuery({ queryKey: orgKeys.roles, queryFn: ({ signal }) => getRoles(signal) });

  const rows = useMemo<Row[]>(() => {
    const data = query.data;
    if (!data) return [];
    const byRole = new Map(data.roles.map((r) => [r.role, new Set(r.permissions)]));
    const sorted = [...data.permissions];
    return sorted.map((permission, index) => {
      const group = permission.split('.')[0] ?? permission;
      const first = index === 0 || (sorted[index - 1]?.split('.')[0] ?? '') !== group;
      const span = first ? sorted.slice(index).findIndex((p) => (p.split('.')[0] ?? p) !== group) : 0;
      const granted = new Set(data.roles.filter((r) => byRole.get(r.role)?.has(permission)).map((r) => r.role));
      return { key: permission, group, permission, groupSpan: first ? (span === -1 ? sorted.length - index : span) : 0, granted };
    });
  }, [query.data]);

  const roles: RoleInfo[] = query.data?.roles ?? [];
  const columns: ColumnsType<Row> = [
    {
      title: t('rolesPage.permission'),
      key: 'group',
      fixed: 'left',
      width: 84,
      onHeaderCell: () => ({ colSpan: 2 }),
      onCell: (row) => ({ rowSpan: row.groupSpan }),
      render: (_, row) => <Tag>{tl(`permissionGroups.${row.group}`, row.group)}</Tag>,
    },
    {
      title: '',
      key: 'permission',
      fixed: 'left',
      width: 156,
      onHeaderCell: () => ({ colSpan: 0 }),
      render: (_, row) => (
        <Tooltip title={row.permission}>
          <span>{tl(`permissions.${row.permission}`, row.permission)}</span>
        </Tooltip>
      ),
    },
    ...roles.map((info) => ({
      key: info.role,
      align: 'center' as const,
      width: 88,
      title: (
        <Tooltip title={t(`roleDescriptions.${info.role}`)}>
          <Flex vertical align="center" gap={2}>
            <span>{t(`roles.${info.role}`)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {t('rolesPage.usersInRole', { count: info.userCount })}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
      render: (_: unknown, row: Row) =>
        row.granted.has(info.role) ? (
          <CheckOutlined className="matrix-check" aria-label={t('rolesPage.granted')} />
        ) : (
          <MinusOutlined className="matrix-none" aria-label={t('rolesPage.notGranted')} />
        ),
    })),
  ];

  return (
    <>
      <PageHeader title={t('rolesPage.title')} subtitle={t('rolesPage.subtitle')} />
      <Card className="page-card" styles={{ body: { padding: 0 } }}>
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Row>
            data-testid="roles-matrix"
            rowKey="key"
            size="middle"
            bordered
            columns={columns}
            dataSource={rows}
            loading={query.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: query.isLoading ? ' ' : <EmptyState title={t('rolesPage.empty')} /> }}
          />
        )}
      </Card>
      {roles.length > 0 && (
        <Card className="page-card" style={{ marginTop: 16 }} size="small">
          <Descriptions
            column={1}
            size="small"
            items={roles.map((info) => ({
              key: info.role,
              label: t(`roles.${info.role}`),
              children: (
                <Flex gap={8} wrap>
                  <span>{t(`roleDescriptions.${info.role}`)}</span>
                  <Typography.Text type="secondary">{t('rolesPage.usersInRole', { count: info.userCount })}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Card>
      )}
    </>
  );
}
