import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Modal, Row, Space, Table, Typography, type ButtonProps } from 'antd';
import { EditOutlined, ProjectOutlined, SignatureOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { getContract, salesKeys, signContract, type ContractDto } from '../api';
import { invalidateSales } from '../invalidate';
import { instalmentBalance } from '../../../shared/money';
import { DateField } from '../components/DateField';
import { Money } from '../components/Money';
import { ContractStatusTag } from '../components/StatusTags';
import '../sales.css';
import { TWO_COLUMNS } from '../table-utils';

export default function ContractDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [signing, setSigning] = useState(false);
  const isMobile = useIsMobile();
  const [form] = Form.useForm<{ signedDate: string }>();
  const query = useQuery({ queryKey: salesKeys.contract(id), queryFn: ({ signal }) => getContract(id, signal), enabled: Number.isInteger(id) });

  const sign = useMutation({
    mutationFn: (v: { signedDate: string }) => signContract(id, v.signedDate),
    onSuccess: (saved: ContractDto) => {
      invalidateSales(queryClient);
      setSigning(false);
      void message.success(t('sales.contract.signed'));
      queryClient.setQueryData(salesKeys.contract(id), saved);
    },
    onError: (err) => handleError(err, { form, onConflict: () => void query.refetch() }),
  });

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const actions = new Set(c.actions);
  const balance = instalmentBalance(c.amountFen, c.instalments);

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {c.title}
            <ContractStatusTag status={c.status} />
          </Space>
        }
        subtitle={t('sales.contract.headerLine', { number: c.number, customer: c.customerName })}
        extra={
          <>
            {actions.has('edit') && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/contracts/${c.id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
            {actions.has('sign') && (
              <Button
                type="primary"
                icon={<SignatureOutlined />}
                onClick={() => {
                  form.setFieldsValue({ signedDate: dayjs().format('YYYY-MM-DD') });
                  setSigning(true);
                }}
                data-testid="contract-sign"
              >
                {t('sales.contract.sign')}
              </Button>
            )}
            {c.projectId !== null && (
              <Button icon={<ProjectOutlined />} onClick={() => navigate(`/projects/${c.projectId}`)} data-testid="contract-project">
                {t('sales.contract.viewProject')}
              </Button>
            )}
          </>
        }
      />
      {c.status === 'active' && c.projectId !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('sales.contract.signedBanner', { date: formatDate(c.signedDate) })}
          action={<Link to={`/projects/${c.projectId}`}>{t('sales.contract.viewProject')}</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="page-card" title={t('sales.contract.view.basic')}>
            <Descriptions column={TWO_COLUMNS} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('sales.contract.fields.number')}>
                <span className="mono">{c.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.status')}>
                <ContractStatusTag status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.partyA')}>{c.partyA}</Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.partyB')}>{c.partyB}</Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.amount')}>
                <Money fen={c.amountFen} strong />
              </Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.period')}>
                {formatDate(c.startDate)} ～ {formatDate(c.endDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.signedDate')}>{c.signedDate ? formatDate(c.signedDate) : t('sales.contract.unsigned')}</Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.owner')}>{c.ownerName}</Descriptions.Item>
              <Descriptions.Item label={t('sales.contract.fields.proposal')}>
                <Link to={`/proposals/${c.proposalId}`}>{t('sales.contract.openProposal')}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('sales.lead.fields.customer')}>
                <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card className="page-card section-card" title={t('sales.contract.view.schedule')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.instalments}
              scroll={{ x: 'max-content' }}
              columns={[
                ...(isMobile ? [] : [{ title: '#', width: 40, render: (_: unknown, __: unknown, i: number) => i + 1 }]),
                { title: t('sales.contract.fields.instalmentName'), dataIndex: 'name' },
                { title: t('sales.contract.fields.dueDate'), dataIndex: 'dueDate', width: isMobile ? undefined : 120, render: (v: string) => formatDate(v) },
                ...(isMobile
                  ? []
                  : [{ title: t('sales.contract.fields.share'), width: 90, align: 'right' as const, render: (_: unknown, i: { amountFen: number }) => (c.amountFen > 0 ? `${((i.amountFen / c.amountFen) * 100).toFixed(1)}%` : '') }]),
                { title: t('sales.contract.fields.instalmentAmount'), dataIndex: 'amountFen', width: isMobile ? undefined : 170, align: 'right' as const, render: (v: number) => <Money fen={v} /> },
              ]}
              summary={() => (
                <Table.Summary.Row className="table-total-row">
                  <Table.Summary.Cell index={0} colSpan={isMobile ? 2 : 4}>
                    <strong>{t('sales.contract.instalmentTotal')}</strong>
                    {!balance.balanced && <Typography.Text type="danger"> {t('sales.contract.notBalanced')}</Typography.Text>}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Money fen={balance.total} strong />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card className="page-card" title={t('sales.contract.fields.terms')}>
            {c.terms ? <Typography.Paragraph className="pre-wrap" style={{ margin: 0 }}>{c.terms}</Typography.Paragraph> : <Typography.Text type="secondary">{t('sales.contract.noTerms')}</Typography.Text>}
          </Card>
          <Card className="page-card section-card" size="small" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sales.contract.createdLine', { at: formatDateTime(c.createdAt) })}
              <br />
              {t('sales.contract.updatedLine', { at: formatDateTime(c.updatedAt) })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Modal
        open={signing}
        title={t('sales.contract.signTitle', { number: c.number })}
        onCancel={() => setSigning(false)}
        onOk={() => form.submit()}
        okText={t('sales.contract.sign')}
        okButtonProps={{ 'data-testid': 'sign-ok' } as ButtonProps}
        confirmLoading={sign.isPending}
        destroyOnHidden
        forceRender
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sales.contract.signHint')} />
        <Form form={form} layout="vertical" onFinish={(v) => sign.mutate(v)}>
          <Form.Item name="signedDate" label={t('sales.contract.fields.signedDate')} rules={[{ required: true, message: t('sales.proposal.dateRequired') }]}>
            <DateField />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
