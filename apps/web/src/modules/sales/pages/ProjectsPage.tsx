import { Space, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listProjects, type ProjectDto, type ProjectListParams } from '../api';
import { Money } from '../components/Money';
import { ProjectStatusTag } from '../components/StatusTags';
import { PROJECT_STATUSES } from '../vocabulary';
import { sortParam } from '../table-utils';
import '../sales.css';

type Search = { q?: string; status?: string };

/** Projects created by signed contracts (read-only until the execution module arrives). */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();

  const columns: ProColumns<ProjectDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.project.keywordPlaceholder') } },
    {
      title: t('sales.project.fields.name'),
      dataIndex: 'code',
      search: false,
      sorter: true,
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/projects/${p.id}`}>
            <strong>{p.name}</strong>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.customerName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sales.project.fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, { text: t(`sales.projectStatus.${s}`) }])),
      render: (_, p) => <ProjectStatusTag status={p.status} />,
    },
    { title: t('sales.project.fields.pm'), dataIndex: 'pmName', search: false },
    { title: t('sales.project.fields.budget'), dataIndex: 'budgetFen', search: false, align: 'right', render: (_, p) => <Money fen={p.budgetFen} /> },
    { title: t('sales.project.fields.period'), dataIndex: 'startDate', search: false, sorter: true, responsive: ['md'], render: (_, p) => `${formatDate(p.startDate)} ～ ${formatDate(p.endDate)}` },
    { title: t('sales.project.fields.contract'), dataIndex: 'contractNumber', search: false, responsive: ['lg'], render: (_, p) => <Link to={`/contracts/${p.contractId}`} className="mono">{p.contractNumber}</Link> },
    { title: t('sales.project.fields.createdAt'), dataIndex: 'createdAt', search: false, sorter: true, defaultSortOrder: 'descend', responsive: ['xl'], render: (_, p) => formatDate(p.createdAt) },
  ];

  return (
    <>
      <PageHeader title={t('sales.project.title')} subtitle={t('sales.project.subtitle')} />
      <ProTable<ProjectDto, Search>
        rowKey="id"
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.project.empty')} hint={t('sales.project.emptyHint')} /> }}
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: ProjectListParams = { page: params.current ?? 1, pageSize: params.pageSize ?? 20, q: params.q?.trim() || undefined, status: params.status, sort: sortParam(sort) };
          const res = await listProjects(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
