import { Alert, Card, Col, Descriptions, Row, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDate, formatDateTime } from '../../../shared/format';
import { getProject, salesKeys } from '../api';
import { sumFen } from '../../../shared/money';
import { Money } from '../components/Money';
import { ProjectStatusTag } from '../components/StatusTags';
import '../sales.css';
import { THREE_COLUMNS } from '../table-utils';

export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: salesKeys.project(id), queryFn: ({ signal }) => getProject(id, signal), enabled: Number.isInteger(id) });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const lines = p.budgetLines ?? [];

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {p.name}
            <ProjectStatusTag status={p.status} />
          </Space>
        }
        subtitle={`${p.code} · ${p.customerName}`}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('sales.project.readOnlyNote')} />
      <Card className="page-card section-card">
        <Descriptions column={THREE_COLUMNS} size="small">
          <Descriptions.Item label={t('sales.project.fields.pm')}>{p.pmName}</Descriptions.Item>
          <Descriptions.Item label={t('sales.project.fields.period')}>
            {formatDate(p.startDate)} ～ {formatDate(p.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.project.fields.budget')}>
            <Money fen={p.budgetFen} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.project.fields.contract')}>
            <Link to={`/contracts/${p.contractId}`} className="mono">
              {p.contractNumber}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.lead.fields.customer')}>
            <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.project.fields.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card className="page-card" title={t('sales.project.milestones')}>
            <Table
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={p.milestones ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '#', dataIndex: 'seq', width: 40 },
                { title: t('sales.proposal.fields.milestoneName'), dataIndex: 'name' },
                { title: t('sales.proposal.fields.period'), width: 210, render: (_, m) => `${formatDate(m.plannedStart)} ～ ${formatDate(m.plannedEnd)}` },
                { title: t('sales.proposal.fields.deliverable'), dataIndex: 'deliverable', render: (v: string) => v || t('common.emptyValue') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card className="page-card" title={t('sales.project.budgetLines')}>
            <Table
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={lines}
              columns={[
                { title: '#', dataIndex: 'seq', width: 40 },
                { title: t('sales.proposal.fields.budgetItem'), dataIndex: 'item' },
                { title: t('sales.proposal.fields.amount'), dataIndex: 'amountFen', align: 'right', width: 160, render: (v: number) => <Money fen={v} /> },
              ]}
              summary={() => (
                <Table.Summary.Row className="table-total-row">
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{t('sales.proposal.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Money fen={sumFen(lines)} strong />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
