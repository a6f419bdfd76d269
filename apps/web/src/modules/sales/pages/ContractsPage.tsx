import { Space, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listContracts, type ContractDto, type ContractListParams } from '../api';
import { Money } from '../components/Money';
import { ContractStatusTag } from '../components/StatusTags';
import { CONTRACT_STATUSES } from '../vocabulary';
import { sortParam } from '../table-utils';
import '../sales.css';

type Search = { q?: string; status?: string };

export default function ContractsPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();

  const columns: ProColumns<ContractDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.contract.keywordPlaceholder') } },
    { title: t('sales.contract.fields.number'), dataIndex: 'number', search: false, sorter: true, render: (_, c) => <Link to={`/contracts/${c.id}`} className="mono">{c.number}</Link> },
    {
      title: t('sales.contract.fields.title'),
      dataIndex: 'title',
      search: false,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link to={`/contracts/${c.id}`}>
            <strong>{c.title}</strong>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.customerName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sales.contract.fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(CONTRACT_STATUSES.map((s) => [s, { text: t(`sales.contractStatus.${s}`) }])),
      render: (_, c) => <ContractStatusTag status={c.status} />,
    },
    { title: t('sales.contract.fields.amount'), dataIndex: 'amount', search: false, sorter: true, align: 'right', render: (_, c) => <Money fen={c.amountFen} /> },
    { title: t('sales.contract.fields.period'), dataIndex: 'startDate', search: false, responsive: ['lg'], render: (_, c) => `${formatDate(c.startDate)} ～ ${formatDate(c.endDate)}` },
    { title: t('sales.contract.fields.signedDate'), dataIndex: 'signedDate', search: false, sorter: true, responsive: ['md'], render: (_, c) => (c.signedDate ? formatDate(c.signedDate) : t('sales.contract.unsigned')) },
    { title: t('sales.contract.fields.owner'), dataIndex: 'ownerName', search: false, responsive: ['md'] },
  ];

  return (
    <>
      <PageHeader title={t('sales.contract.title')} subtitle={t('sales.contract.subtitle')} />
      <ProTable<ContractDto, Search>
        rowKey="id"
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.contract.empty')} hint={t('sales.contract.emptyHint')} /> }}
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: ContractListParams = { page: params.current ?? 1, pageSize: params.pageSize ?? 20, q: params.q?.trim() || undefined, status: params.status, sort: sortParam(sort) };
          const res = await listContracts(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
