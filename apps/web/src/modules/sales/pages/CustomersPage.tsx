import { useRef, useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { UserPicker } from '../../org';
import { listCustomers, type CustomerDto, type CustomerListParams } from '../api';
import { CustomerFormModal, type CustomerFormTarget } from '../components/CustomerFormModal';
import { INDUSTRIES } from '../vocabulary';
import { sortParam } from '../table-utils';
import '../sales.css';

type Search = { q?: string; industry?: string; region?: string; ownerId?: number };

export default function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('customer.create');
  const handleError = useApiErrorHandler();
  const actionRef = useRef<ActionType>(undefined);
  const [target, setTarget] = useState<CustomerFormTarget | null>(null);

  const columns: ProColumns<CustomerDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.customer.keywordPlaceholder') } },
    {
      title: t('sales.customer.fields.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link to={`/customers/${c.id}`}>
            <strong>{c.name}</strong>
          </Link>
          {c.uscc && (
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {c.uscc}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('sales.customer.fields.industry'),
      dataIndex: 'industry',
      valueType: 'select',
      valueEnum: Object.fromEntries(INDUSTRIES.map((v) => [v, { text: t(`sales.industry.${v}`) }])),
      render: (_, c) => t(`sales.industry.${c.industry}`),
    },
    { title: t('sales.customer.fields.region'), dataIndex: 'region', sorter: true },
    { title: t('sales.customer.fields.size'), dataIndex: 'size', search: false, responsive: ['lg'], render: (_, c) => t(`sales.size.${c.size}`) },
    {
      title: t('sales.customer.fields.owner'),
      dataIndex: 'ownerId',
      renderFormItem: () => <UserPicker placeholder={t('sales.customer.ownerFilter')} />,
      render: (_, c) => (c.ownerName ? c.ownerName : <Tag color="orange">{t('sales.customer.inPool')}</Tag>),
    },
    {
      title: t('sales.customer.fields.lastActivity'),
      dataIndex: 'lastActivityAt',
      search: false,
      sorter: true,
      responsive: ['md'],
      render: (_, c) => formatDateTime(c.lastActivityAt),
    },
    { title: t('sales.customer.fields.createdAt'), dataIndex: 'createdAt', search: false, sorter: true, responsive: ['xl'], render: (_, c) => formatDate(c.createdAt) },
  ];

  return (
    <>
      <PageHeader title={t('sales.customer.title')} subtitle={t('sales.customer.subtitle')} />
      <ProTable<CustomerDto, Search>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.customer.empty')} hint={canCreate ? t('sales.customer.emptyHint') : undefined} /> }}
        toolBarRender={() =>
          canCreate
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
                  {t('sales.customer.create')}
                </Button>,
              ]
            : []
        }
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: CustomerListParams = {
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            q: params.q?.trim() || undefined,
            industry: params.industry,
            region: params.region?.trim() || undefined,
            ownerId: params.ownerId,
            sort: sortParam(sort),
          };
          const res = await listCustomers(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
      <CustomerFormModal target={target} onClose={() => setTarget(null)} onSaved={(c) => navigate(`/customers/${c.id}`)} />
    </>
  );
}
