import { Space, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listProposals, type ProposalDto, type ProposalListParams } from '../api';
import { Money } from '../components/Money';
import { ProposalStatusTag } from '../components/StatusTags';
import { PROPOSAL_STATUSES } from '../vocabulary';
import { sortParam } from '../table-utils';
import '../sales.css';

type Search = { q?: string; status?: string };

export default function ProposalsPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();

  const columns: ProColumns<ProposalDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.proposal.keywordPlaceholder') } },
    {
      title: t('sales.proposal.fields.title'),
      dataIndex: 'title',
      search: false,
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/proposals/${p.id}`}>
            <strong>{p.title}</strong>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.customerName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sales.proposal.fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      sorter: true,
      valueEnum: Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, { text: t(`sales.proposalStatus.${s}`) }])),
      render: (_, p) => <ProposalStatusTag status={p.status} />,
    },
    { title: t('sales.proposal.fields.version'), dataIndex: 'versionNo', search: false, responsive: ['md'], render: (_, p) => t('sales.versions.label', { version: p.versionNo }) },
    { title: t('sales.proposal.total'), dataIndex: 'total', search: false, sorter: true, align: 'right', render: (_, p) => <Money fen={p.totalFen} /> },
    { title: t('sales.proposal.fields.author'), dataIndex: 'authorName', search: false, responsive: ['md'] },
    { title: t('sales.proposal.fields.updatedAt'), dataIndex: 'updatedAt', search: false, sorter: true, defaultSortOrder: 'descend', responsive: ['lg'], render: (_, p) => formatDateTime(p.updatedAt) },
  ];

  return (
    <>
      <PageHeader title={t('sales.proposal.title')} subtitle={t('sales.proposal.subtitle')} />
      <ProTable<ProposalDto, Search>
        rowKey="id"
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.proposal.empty')} hint={t('sales.proposal.emptyHint')} /> }}
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: ProposalListParams = { page: params.current ?? 1, pageSize: params.pageSize ?? 20, q: params.q?.trim() || undefined, status: params.status, sort: sortParam(sort) };
          const res = await listProposals(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
