import { useState } from 'react';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { auditKeys, exportAudit, listAudit, verifyAudit, type AuditEntryDto, type AuditFilters } from '../api';
import { actionColor } from '../vocabulary';
import { AuditDiff } from '../components/AuditDiff';
import { AuditFilterBar } from '../components/AuditFilterBar';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const { modal } = App.useApp();
  const canVerify = useCan('audit.verify');
  const handleError = useApiErrorHandler();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);

  const query = useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => listAudit(filters, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });

  async function runExport() {
    setExporting(true);
    try {
      await exportAudit(filters);
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  }

  async function runVerify() {
    setVerifying(true);
    try {
      const result = await verifyAudit();
      if (result.ok) modal.success({ title: t('audit.verifyTitle'), content: t('audit.verifyOk', { checked: result.checked }) });
      else modal.error({ title: t('audit.verifyTitle'), content: t('audit.verifyBroken', { id: result.brokenAt ?? '?', reason: result.reason ?? '' }) });
    } catch (err) {
      handleError(err);
    } finally {
      setVerifying(false);
    }
  }

  const columns: ColumnsType<AuditEntryDto> = [
    { title: t('audit.columns.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
    { title: t('audit.columns.actor'), dataIndex: 'actorName', width: 120, render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 130,
      render: (action: string) => <Tag color={actionColor(action)}>{tl(`audit.actions.${action}`, action)}</Tag>,
    },
    {
      title: t('audit.columns.entity'),
      dataIndex: 'entity',
      render: (entity: string, row) => (
        <span>
          {tl(`audit.entities.${entity}`, entity)}
          {row.entityId && <Typography.Text type="secondary"> #{row.entityId}</Typography.Text>}
        </span>
      ),
    },
    { title: t('audit.columns.ip'), dataIndex: 'ip', width: 130, responsive: ['md'], render: (ip: string | null) => ip ?? t('common.emptyValue') },
    {
      title: t('audit.columns.hash'),
      dataIndex: 'hash',
      width: 120,
      responsive: ['lg'],
      render: (hash: string) => (
        <Typography.Text code copyable={{ text: hash }} style={{ fontSize: 12 }}>
          {hash.slice(0, 10)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()}>
              {exporting ? t('audit.exporting') : t('audit.export')}
            </Button>
            {canVerify && (
              <Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
                {t('audit.verify')}
              </Button>
            )}
          </>
        }
      />
      <Card className="page-card">
        <AuditFilterBar
          onSearch={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuditEntryDto>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowRender: (row) => <AuditDiff before={row.before} after={row.after} />,
            }}
            pagination={{
              current: page,
              pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (nextPage, nextSize) => {
                setPage(nextSize !== pageSize ? 1 : nextPage);
                setPageSize(nextSize);
              },
            }}
            locale={{ emptyText: query.isLoading ? ' ' : <EmptyState title={t('audit.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
