import { useRef } from 'react';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { claimCustomer, listPool, type CustomerDto, type CustomerListParams } from '../api';
import { INDUSTRIES } from '../vocabulary';
import { sortParam } from '../table-utils';
import { useSetting } from '../../../shared/hooks/useSetting';
import '../sales.css';

type Search = { q?: string; industry?: string; region?: string };

const daysIdle = (iso: string) => Math.max(0, dayjs().startOf('day').diff(dayjs(iso).startOf('day'), 'day'));

/** 公海: customers nobody follows any more, free to claim within the per-person cap. */
export default function CustomerPoolPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(undefined);
  const idleDays = useSetting<number>('sales.pool.idleDays');
  const cap = useSetting<number>('sales.pool.maxProtectedCustomers');

  async function claim(c: CustomerDto) {
    try {
      await claimCustomer(c.id);
      void message.success(t('sales.pool.claimedNamed', { name: c.name }));
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void actionRef.current?.reload();
    } catch (err) {
      handleError(err, { onConflict: () => void actionRef.current?.reload() });
    }
  }

  const columns: ProColumns<CustomerDto>[] = [
    { title: t('sales.keyword'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('sales.customer.keywordPlaceholder') } },
    {
      title: t('sales.customer.fields.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      render: (_, c) => (
        <Link to={`/customers/${c.id}`}>
          <strong>{c.name}</strong>
        </Link>
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
    { title: t('sales.customer.fields.size'), dataIndex: 'size', search: false, responsive: ['md'], render: (_, c) => t(`sales.size.${c.size}`) },
    {
      title: t('sales.customer.fields.lastActivity'),
      dataIndex: 'lastActivityAt',
      search: false,
      sorter: true,
      defaultSortOrder: 'ascend',
      render: (_, c) =>
        c.lastActivityAt ? (
          <Space direction="vertical" size={0}>
            {formatDate(c.lastActivityAt)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {daysIdle(c.lastActivityAt) === 0 ? t('sales.pool.activeToday') : t('sales.pool.idleFor', { count: daysIdle(c.lastActivityAt) })}
            </Typography.Text>
          </Space>
        ) : (
          t('sales.pool.noActivity')
        ),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      key: 'actions',
      render: (_, c) => [
        <Popconfirm key="claim" title={t('sales.pool.claimConfirm', { name: c.name })} onConfirm={() => claim(c)} styles={{ root: { maxWidth: 320 } }}>
          <Button type="link" size="small" data-testid={`claim-${c.id}`}>
            {t('sales.pool.claim')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.pool.title')}
        subtitle={idleDays !== undefined && cap !== undefined ? t('sales.pool.subtitle', { days: idleDays, max: cap }) : t('sales.pool.subtitleShort')}
      />
      <ProTable<CustomerDto, Search>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: false, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('sales.pool.empty')} hint={t('sales.pool.emptyHint')} /> }}
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: CustomerListParams = {
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            q: params.q?.trim() || undefined,
            industry: params.industry,
            region: params.region?.trim() || undefined,
            sort: sortParam(sort),
          };
          const res = await listPool(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
    </>
  );
}
