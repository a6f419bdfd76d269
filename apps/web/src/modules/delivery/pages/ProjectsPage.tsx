import { useState } from 'react';
import { Progress, Space, Switch, Tag, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '@domain/delivery/project.machine.js';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listProjects, type ProjectListParams, type ProjectSummaryDto } from '../api';
import { HealthTag, ProjectStatusTag } from '../components/tags';
import { Money } from '../components/Money';
import { sortParam } from '../table-utils';
import '../delivery.css';

type Search = { q?: string; status?: string; health?: string; mine?: boolean };

/** Every project in my scope with its health, PM, progress, budget use and receivables. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [mine, setMine] = useState(false);

  const columns: ProColumns<ProjectSummaryDto>[] = [
    { title: t('delivery.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('delivery.projects.keyword') } },
    {
      title: t('delivery.projects.columns.project'),
      dataIndex: 'code',
      search: false,
      sorter: true,
      width: 280,
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Space size={4}>
            <Link to={`/projects/${p.id}`} data-testid="project-link">
              <strong>{p.name}</strong>
            </Link>
            {p.myRole && <Tag color={p.myRole === 'pm' ? 'blue' : 'cyan'}>{t(`delivery.projects.myRole.${p.myRole}`)}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.customerName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('delivery.projects.columns.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, { text: t(`delivery.status.${s}`) }])),
      render: (_, p) => <ProjectStatusTag status={p.status} />,
    },
    {
      title: t('delivery.projects.columns.health'),
      dataIndex: 'health',
      valueType: 'select',
      valueEnum: Object.fromEntries((['green', 'amber', 'red', 'unrated'] as const).map((h) => [h, { text: t(`delivery.health.${h}`) }])),
      render: (_, p) => (p.status === 'closed' ? <span className="muted">—</span> : <HealthTag level={p.health} />),
    },
    { title: t('delivery.projects.columns.pm'), dataIndex: 'pmName', search: false },
    {
      title: t('delivery.projects.columns.progress'),
      dataIndex: 'percentComplete',
      search: false,
      sorter: true,
      render: (_, p) =>
        p.percentComplete === null ? (
          '—'
        ) : (
          <div className="progress-cell">
            <Progress percent={p.percentComplete} size="small" status={p.status === 'closed' ? 'success' : 'normal'} strokeColor={p.status !== 'closed' && p.health === 'red' ? '#ff4d4f' : undefined} />
            <div className="muted">{t('delivery.projects.planned', { pct: p.plannedPercent ?? 0 })}</div>
          </div>
        ),
    },
    {
      title: t('delivery.projects.columns.budget'),
      dataIndex: 'budgetUsage',
      search: false,
      sorter: true,
      responsive: ['md'],
      render: (_, p) =>
        p.budgetUsagePct === null ? (
          '—'
        ) : (
          <div className="progress-cell">
            <Progress percent={Math.min(100, p.budgetUsagePct)} format={() => `${p.budgetUsagePct}%`} size="small" strokeColor={p.budgetUsagePct > 100 ? '#ff4d4f' : p.budgetUsagePct >= 90 ? '#faad14' : undefined} />
            <div className="muted">
              <Money fen={p.spentFen} /> / <Money fen={p.budgetFen} />
            </div>
          </div>
        ),
    },
    {
      title: t('delivery.projects.columns.receivable'),
      dataIndex: 'outstanding',
      search: false,
      sorter: true,
      align: 'right',
      responsive: ['lg'],
      render: (_, p) => (
        <Space direction="vertical" size={0} align="end">
          <Money fen={p.outstandingFen} />
          {!!p.overdueFen && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('delivery.projects.overdue', { amount: formatFen(p.overdueFen) })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('delivery.projects.columns.period'), dataIndex: 'startDate', search: false, sorter: true, responsive: ['xl'], render: (_, p) => `${formatDate(p.startDate)} ～ ${formatDate(p.endDate)}` },
  ];

  return (
    <>
      <PageHeader title={t('delivery.projects.title')} subtitle={t('delivery.projects.subtitle')} extra={<Space><Switch checked={mine} onChange={setMine} data-testid="mine-only" />{t('delivery.projects.mineOnly')}</Space>} />
      <ProTable<ProjectSummaryDto, Search>
        rowKey="id"
        columns={columns}
        params={{ mine }}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('delivery.projects.title')} /> }}
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: ProjectListParams = {
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            q: params.q?.trim() || undefined,
            status: params.status,
            health: params.health,
            mine: mine ? 'true' : undefined,
            sort: sortParam(sort),
          };
          const res = await listProjects(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
