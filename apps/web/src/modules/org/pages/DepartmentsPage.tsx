import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ActiveTag } from '../../../shared/components/tags';
import { useCan } from '../../../shared/hooks/useAccess';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listDepartments, orgKeys, updateDepartment, type DepartmentDto } from '../api';
import { allIds, buildDepartmentTree, type DepartmentNode } from '../department-tree';
import { DepartmentFormModal, type DepartmentFormTarget } from '../components/DepartmentFormModal';

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canCreate = useCan('department.create');
  const canUpdate = useCan('department.update');
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [showInactive, setShowInactive] = useState(false);
  const [target, setTarget] = useState<DepartmentFormTarget | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);

  const query = useQuery({ queryKey: orgKeys.departments, queryFn: ({ signal }) => listDepartments(signal) });
  const tree = useMemo(() => {
    const items = (query.data?.items ?? []).filter((d) => showInactive || d.active);
    return buildDepartmentTree(items);
  }, [query.data, showInactive]);

  useEffect(() => {
    if (expanded === null && tree.length > 0) setExpanded(allIds(tree));
  }, [tree, expanded]);

  const toggleActive = useMutation({
    mutationFn: (d: DepartmentDto) => updateDepartment(d.id, { version: d.version, active: !d.active }),
    onSuccess: (d) => {
      void message.success(d.active ? t('departments.activated') : t('departments.deactivated'));
      void queryClient.invalidateQueries({ queryKey: orgKeys.departments });
    },
    onError: (err) => handleError(err, { onConflict: () => void queryClient.invalidateQueries({ queryKey: orgKeys.departments }) }),
  });

  const columns: ColumnsType<DepartmentNode> = [
    {
      title: t('departments.fields.name'),
      dataIndex: 'name',
      render: (_, d) => (
        <Space size={6} wrap>
          <Typography.Text strong={d.parentId === null} type={d.active ? undefined : 'secondary'}>
            {d.name}
          </Typography.Text>
          {d.code && !isMobile && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.code}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('departments.fields.kind'), dataIndex: 'kind', width: 110, responsive: ['md'], render: (kind: DepartmentDto['kind']) => <Tag>{t(`departmentKinds.${kind}`)}</Tag> },
    { title: t('departments.fields.manager'), dataIndex: 'managerName', width: 120, render: (name: string | null) => name ?? t('common.emptyValue') },
    { title: t('departments.fields.members'), dataIndex: 'memberCount', width: 100, align: 'right', responsive: ['sm'] },
    { title: t('departments.fields.status'), dataIndex: 'active', width: 90, responsive: ['md'], render: (active: boolean) => <ActiveTag active={active} /> },
  ];
  if (canUpdate || canCreate) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space size={0} wrap={isMobile}>
          {canUpdate && (
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', department: d })}>
              {t('common.edit')}
            </Button>
          )}
          {canCreate && d.active && (
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'create', parentId: d.id })}>
              {t('departments.createChild')}
            </Button>
          )}
          {canUpdate && (
            <Popconfirm
              title={d.active ? t('departments.deactivateConfirm', { name: d.name }) : t('departments.activateConfirm', { name: d.name })}
              onConfirm={() => toggleActive.mutateAsync(d).catch(() => undefined)}
              styles={{ root: { maxWidth: 320 } }}
            >
              <Button type="link" size="small" danger={d.active}>
                {d.active ? t('departments.deactivate') : t('departments.activate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  const expandedKeys = expanded ?? [];
  return (
    <>
      <PageHeader
        title={t('departments.title')}
        subtitle={canUpdate ? t('departments.subtitle') : t('departments.viewerSubtitle')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parentId: null })}>
              {t('departments.create')}
            </Button>
          )
        }
      />
      <Card className="page-card">
        <Flex className="filter-bar" gap={16} wrap align="center" justify="space-between">
          <Space>
            <Switch checked={showInactive} onChange={setShowInactive} size="small" id="show-inactive" />
            <label htmlFor="show-inactive">{t('departments.showInactive')}</label>
          </Space>
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setExpanded(allIds(tree))}>
              {t('departments.expandAll')}
            </Button>
            <Button type="link" size="small" onClick={() => setExpanded([])}>
              {t('departments.collapseAll')}
            </Button>
          </Space>
        </Flex>
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<DepartmentNode>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tree}
            loading={query.isLoading}
            pagination={false}
            scroll={isMobile ? undefined : { x: 'max-content' }}
            expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys.map(Number)) }}
            locale={{
              emptyText: query.isLoading ? ' ' : (
                <EmptyState
                  title={t('departments.empty')}
                  hint={canCreate ? t('departments.emptyHint') : undefined}
                  action={
                    canCreate && (
                      <Button type="primary" onClick={() => setTarget({ mode: 'create', parentId: null })}>
                        {t('departments.create')}
                      </Button>
                    )
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <DepartmentFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
