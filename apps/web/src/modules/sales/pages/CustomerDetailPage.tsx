import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RecordPanelCards } from '../../../shared/record-panels';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { claimCustomer, getCustomer, releaseCustomer, salesKeys, type ContactDto, type CustomerRelatedRow } from '../api';
import { CustomerFormModal, type CustomerFormTarget } from '../components/CustomerFormModal';
import { ContactFormModal } from '../components/ContactFormModal';
import { Money } from '../components/Money';
import { RecordStatusTag } from '../components/StatusTags';
import '../sales.css';
import { THREE_COLUMNS } from '../table-utils';

type RelatedEntity = 'lead' | 'proposal' | 'contract' | 'project';
const RELATED: { key: 'leads' | 'proposals' | 'contracts' | 'projects'; entity: RelatedEntity; path: string }[] = [
  { key: 'leads', entity: 'lead', path: '/leads' },
  { key: 'proposals', entity: 'proposal', path: '/proposals' },
  { key: 'contracts', entity: 'contract', path: '/contracts' },
  { key: 'projects', entity: 'project', path: '/projects' },
];

export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const canRegisterLead = useCan('lead.create');
  const [target, setTarget] = useState<CustomerFormTarget | null>(null);
  const [contactFor, setContactFor] = useState<number | null>(null);
  const query = useQuery({ queryKey: salesKeys.customer(id), queryFn: ({ signal }) => getCustomer(id, signal), enabled: Number.isInteger(id) });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['customers'] });
  const claim = useMutation({
    mutationFn: () => claimCustomer(id),
    onSuccess: () => {
      void message.success(t('sales.pool.claimed'));
      refresh();
    },
    onError: (err) => handleError(err, { onConflict: refresh }),
  });
  const release = useMutation({
    mutationFn: () => releaseCustomer(id),
    onSuccess: () => {
      void message.success(t('sales.pool.released'));
      refresh();
    },
    onError: (err) => handleError(err),
  });

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;

  const relatedColumns = (entity: RelatedEntity, path: string) => [
    { title: t('sales.related.code'), dataIndex: 'code', width: 150, render: (code: string, r: CustomerRelatedRow) => <Link to={`${path}/${r.id}`}>{code}</Link> },
    { title: t('sales.related.title'), dataIndex: 'title', render: (title: string, r: CustomerRelatedRow) => <Link to={`${path}/${r.id}`}>{title}</Link> },
    { title: t('sales.related.status'), dataIndex: 'status', width: 130, render: (status: string) => <RecordStatusTag entity={entity} status={status} /> },
    { title: t('sales.related.value'), dataIndex: 'valueFen', width: 160, align: 'right' as const, render: (v: number) => <Money fen={v} /> },
    { title: t('sales.related.createdAt'), dataIndex: 'createdAt', width: 120, responsive: ['md' as const], render: (v: string) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {c.name}
            {c.inPool ? <Tag color="orange">{t('sales.customer.inPool')}</Tag> : null}
          </Space>
        }
        subtitle={[t(`sales.industry.${c.industry}`), c.region, t(`sales.size.${c.size}`)].join(' · ')}
        extra={
          <>
            {canRegisterLead && (
              <Button icon={<PlusOutlined />} onClick={() => navigate(`/leads/new?customerId=${c.id}`)}>
                {t('sales.customer.newLead')}
              </Button>
            )}
            {c.actions?.includes('claim') && (
              <Popconfirm title={t('sales.pool.claimConfirm', { name: c.name })} onConfirm={() => claim.mutate()}>
                <Button type="primary" loading={claim.isPending}>
                  {t('sales.pool.claim')}
                </Button>
              </Popconfirm>
            )}
            {c.actions?.includes('release') && (
              <Popconfirm title={t('sales.pool.releaseConfirm', { name: c.name })} onConfirm={() => release.mutate()}>
                <Button loading={release.isPending}>{t('sales.pool.release')}</Button>
              </Popconfirm>
            )}
            {c.actions?.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', customer: c })}>
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card className="page-card section-card" title={t('sales.customer.basicInfo')}>
        <Descriptions column={THREE_COLUMNS} size="small">
          <Descriptions.Item label={t('sales.customer.fields.uscc')}>
            <span className="mono">{c.uscc || t('common.emptyValue')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.industry')}>{t(`sales.industry.${c.industry}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.region')}>{c.region}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.size')}>{t(`sales.size.${c.size}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.source')}>{t(`sales.source.${c.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.owner')}>{c.ownerName ?? t('sales.customer.inPool')}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.lastActivity')}>{formatDateTime(c.lastActivityAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.customer.fields.address')}>{c.address || t('common.emptyValue')}</Descriptions.Item>
          {c.note && (
            <Descriptions.Item label={t('sales.customer.fields.note')} span={3}>
              <span className="pre-wrap">{c.note}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        className="page-card section-card"
        title={t('sales.contact.title')}
        extra={
          c.actions?.includes('edit') && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setContactFor(c.id)}>
              {t('sales.contact.add')}
            </Button>
          )
        }
      >
        <Table<ContactDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.contacts ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState title={t('sales.contact.empty')} /> }}
          columns={[
            {
              title: t('sales.contact.fields.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Space>
                  {name}
                  {r.isPrimary && (
                    <Tag color="gold" icon={<StarFilled />}>
                      {t('sales.contact.primary')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('sales.contact.fields.title'), dataIndex: 'title', render: (v: string) => v || t('common.emptyValue') },
            { title: t('sales.contact.fields.phone'), dataIndex: 'phone', render: (v: string) => v || t('common.emptyValue') },
            { title: t('sales.contact.fields.email'), dataIndex: 'email', render: (v: string) => v || t('common.emptyValue') },
            { title: t('sales.contact.fields.note'), dataIndex: 'note', responsive: ['lg'], render: (v: string) => v || t('common.emptyValue') },
          ]}
        />
      </Card>
      <Card className="page-card section-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={RELATED.map(({ key, entity, path }) => ({
            key,
            label: `${t(`sales.related.${key}`)} (${c.related[key].length})`,
            children: (
              <Table<CustomerRelatedRow>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.related[key]}
                scroll={{ x: 'max-content' }}
                columns={relatedColumns(entity, path)}
                locale={{ emptyText: <EmptyState title={t(`sales.related.empty.${key}`)} /> }}
              />
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('sales.related.scopeNote')}
        </Typography.Paragraph>
      </Card>
      <RecordPanelCards slot="customer" recordId={c.id} />
      <CustomerFormModal target={target} onClose={() => setTarget(null)} onSaved={() => refresh()} />
      <ContactFormModal customerId={contactFor} onClose={() => setContactFor(null)} />
    </>
  );
}
