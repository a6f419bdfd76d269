import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listLeads, type LeadDto, type LeadListParams } from '../api';
import { Money } from '../components/Money';
import { LeadStatusTag, UrgencyTag } from '../components/StatusTags';
import { LEAD_CHANNELS, LEAD_STATUSES, URGENCIES } from '../vocabulary';
import { sortParam } from '../table-utils';
import '../sales.css';

type Search = { q?: string; status?: string; urgency?: string; channel?: string };

export default function LeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('lead.create');
  const handleError = useApiErrorHandler();

  const columns: ProColumns<LeadDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.lead.keywordPlaceholder') } },
    {
      title: t('sales.lead.fields.title'),
      dataIndex: 'title',
      search: false,
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <Link to={`/leads/${l.id}`}>
            <strong>{l.title}</strong>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.code} · {l.customerName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('sales.lead.fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      sorter: true,
      valueEnum: Object.fromEntries(LEAD_STATUSES.map((s) => [s, { text: t(`sales.leadStatus.${s}`) }])),
      render: (_, l) => <LeadStatusTag status={l.status} />,
    },
    {
      title: t('sales.lead.fields.urgency'),
      dataIndex: 'urgency',
      valueType: 'select',
      sorter: true,
      valueEnum: Object.fromEntries(URGENCIES.map((s) => [s, { text: t(`sales.urgency.${s}`) }])),
      render: (_, l) => <UrgencyTag urgency={l.urgency} />,
    },
    {
      title: t('sales.lead.fields.channel'),
      dataIndex: 'channel',
      valueType: 'select',
      responsive: ['lg'],
      valueEnum: Object.fromEntries(LEAD_CHANNELS.map((s) => [s, { text: t(`sales.channel.${s}`) }])),
      render: (_, l) => t(`sales.channel.${l.channel}`),
    },
    { title: t('sales.lead.fields.expectedValue'), dataIndex: 'expectedValue', search: false, sorter: true, align: 'right', render: (_, l) => <Money fen={l.expectedValueFen} /> },
    {
      title: t('sales.lead.fields.registeredBy'),
      dataIndex: 'registeredByName',
      search: false,
      responsive: ['xl'],
      render: (_, l) => [l.registeredByName, l.registeredDepartmentName].filter(Boolean).join(' · ') || t('common.emptyValue'),
    },
    { title: t('sales.lead.assignee'), dataIndex: 'assigneeName', search: false, responsive: ['md'], render: (_, l) => l.assigneeName ?? t('common.emptyValue') },
    { title: t('sales.lead.fields.registeredAt'), dataIndex: 'createdAt', search: false, sorter: true, defaultSortOrder: 'descend', render: (_, l) => formatDate(l.createdAt) },
  ];

  return (
    <>
      <PageHeader title={t('sales.lead.title')} subtitle={t('sales.lead.subtitle')} />
      <ProTable<LeadDto, Search>
        rowKey="id"
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.lead.empty')} hint={canCreate ? t('sales.lead.emptyHint') : undefined} /> }}
        toolBarRender={() =>
          canCreate
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/leads/new')}>
                  {t('sales.lead.register')}
                </Button>,
              ]
            : []
        }
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: LeadListParams = {
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            q: params.q?.trim() || undefined,
            status: params.status,
            urgency: params.urgency,
            channel: params.channel,
            sort: sortParam(sort),
          };
          const res = await listLeads(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
