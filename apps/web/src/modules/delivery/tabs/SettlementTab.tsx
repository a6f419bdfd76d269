import { useState } from 'react';
import { Button, Card, Col, Form, Input, List, Modal, Row, Select, Space, Statistic, Table, Typography, type ButtonProps } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AGEING_BUCKETS } from '@domain/delivery/receivables.rules.js';
import { formatDate } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { createInvoice, deliveryKeys, getSettlement, recordPayment, type InvoiceDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';
import { DateInput } from '../components/DateInput';
import { Money } from '../components/Money';
import { YuanInput, amountRule } from '../components/YuanInput';

type Dialog = 'invoice' | 'payment' | null;

/** [3.3.3] invoices against the contract's instalments, payments, receivables and ageing; what closing still needs. */
export default function SettlementTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({ queryKey: deliveryKeys.part(project.id, 'settlement'), queryFn: ({ signal }) => getSettlement(project.id, signal) });
  const save = useDeliveryMutation((v: Record<string, unknown>): Promise<unknown> => (dialog === 'invoice' ? createInvoice(project.id, v) : recordPayment(project.id, v)), { form, success: t('common.saved'), onDone: () => setDialog(null) });
  const s = query.data;
  if (!s) return <Card className="page-card" loading />;
  const r = s.receivables;
  const open = (d: Dialog) => {
    form.resetFields();
    form.setFieldsValue(d === 'invoice' ? { issuedDate: dayjs().format('YYYY-MM-DD') } : { receivedDate: dayjs().format('YYYY-MM-DD') });
    setDialog(d);
  };
  const missingDocs = project.documents.filter((d) => !d.present).map((d) => t(`delivery.documents.categories.${d.category}`));
  const checks = [
    { ok: r.settled, text: r.settled ? t('delivery.settlement.settled') : t('delivery.settlement.notSettled', { amount: formatFen(r.contractFen - r.receivedFen - r.writtenOffFen) }) },
    { ok: project.hasRetrospective, text: project.hasRetrospective ? t('delivery.settlement.retroDone') : t('delivery.settlement.retroMissing') },
    { ok: missingDocs.length === 0, text: missingDocs.length === 0 ? t('delivery.settlement.docsDone') : t('delivery.settlement.docsMissing', { list: [...new Set(missingDocs)].join('、') }) },
  ];
  const openInvoices = s.invoices.filter((i) => i.outstandingFen > 0);

  return (
    <Row gutter={[16, 16]}>
      {[
        ['contract', r.contractFen],
        ['invoiced', r.invoicedFen],
        ['received', r.receivedFen],
        ['outstanding', r.outstandingFen],
        ['overdue', r.overdueFen],
      ].map(([key, fen]) => (
        <Col key={key} xs={12} md={8} xl={4}>
          <Card className="page-card kpi-card">
            <Statistic title={t(`delivery.settlement.${key as 'contract'}`)} value={formatFen(fen as number)} valueStyle={key === 'overdue' && (fen as number) > 0 ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
      <Col xs={24} md={16} xl={4}>
        <Card className="page-card kpi-card">
          <Statistic title={t('delivery.settlement.uninvoiced')} value={formatFen(r.uninvoicedFen)} />
          <div className="kpi-sub">{t('delivery.settlement.dueDaysHint', { days: s.dueDays })}</div>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card className="page-card" title={t('delivery.settlement.instalments')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.instalments}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('delivery.settlement.instalment'), dataIndex: 'name' },
              { title: t('delivery.settlement.dueDate'), dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
              { title: t('delivery.settlement.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              { title: t('delivery.settlement.invoiced'), dataIndex: 'invoicedFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              { title: t('delivery.settlement.received'), dataIndex: 'receivedFen', align: 'right', render: (v: number) => <Money fen={v} /> },
            ]}
          />
        </Card>
        <Card className="page-card section-gap" title={t('delivery.settlement.invoices')} extra={project.can.invoice && <Button icon={<PlusOutlined />} onClick={() => open('invoice')} data-testid="invoice-add">{t('delivery.settlement.addInvoice')}</Button>}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.invoices}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('delivery.settlement.invoiceNumber'), dataIndex: 'number', render: (v: string) => <span className="mono">{v}</span> },
              { title: t('delivery.settlement.instalment'), dataIndex: 'instalmentName' },
              { title: t('delivery.settlement.issuedDate'), dataIndex: 'issuedDate', render: (v: string) => formatDate(v) },
              { title: t('delivery.settlement.invoiceDue'), dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
              { title: t('delivery.settlement.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              { title: t('delivery.settlement.paidAmount'), dataIndex: 'paidFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              {
                title: t('delivery.settlement.outstanding'),
                align: 'right',
                render: (_, i: InvoiceDto) => (
                  <Space direction="vertical" size={0} align="end">
                    <Money fen={i.outstandingFen} danger={i.overdueDays > 0} />
                    {i.overdueDays > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('delivery.settlement.overdueDays', { count: i.overdueDays })}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card className="page-card section-gap" title={t('delivery.settlement.payments')} extra={project.can.recordPayment && openInvoices.length > 0 && <Button icon={<PlusOutlined />} onClick={() => open('payment')} data-testid="payment-add">{t('delivery.settlement.addPayment')}</Button>}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.payments}
            columns={[
              { title: t('delivery.settlement.receivedDate'), dataIndex: 'receivedDate', render: (v: string) => formatDate(v) },
              { title: t('delivery.settlement.invoice'), dataIndex: 'invoiceNumber', render: (v: string) => <span className="mono">{v}</span> },
              { title: t('delivery.settlement.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
              { title: t('delivery.settlement.note'), dataIndex: 'note' },
              { title: t('delivery.issue.reporter'), dataIndex: 'createdByName' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        {project.status !== 'closed' && (
          <Card className="page-card" title={t('delivery.settlement.closing')}>
            <List
              size="small"
              dataSource={checks}
              renderItem={(c) => (
                <List.Item>
                  <Space>
                    {c.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                    {c.text}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        <Card className="page-card section-gap" title={t('delivery.settlement.ageing')}>
          <List
            size="small"
            dataSource={AGEING_BUCKETS.map((b) => ({ b, fen: s.ageing[b] }))}
            renderItem={(x) => (
              <List.Item extra={<Money fen={x.fen} danger={x.b !== 'current' && x.fen > 0} />}>{t(`delivery.settlement.buckets.${x.b}`)}</List.Item>
            )}
          />
        </Card>
      </Col>
      <Modal open={dialog !== null} title={dialog === 'invoice' ? t('delivery.settlement.addInvoice') : t('delivery.settlement.addPayment')} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': `${dialog}-ok` } as ButtonProps} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {dialog === 'invoice' ? (
            <>
              <Form.Item name="instalmentId" label={t('delivery.settlement.instalment')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Select data-testid="invoice-instalment" options={s.instalments.map((i) => ({ value: i.id, label: `${i.name}（${formatFen(i.amountFen - i.invoicedFen)}）`, disabled: i.invoicedFen >= i.amountFen }))} onChange={(id: number) => { const i = s.instalments.find((x) => x.id === id); if (i) form.setFieldsValue({ amountFen: i.amountFen - i.invoicedFen }); }} />
              </Form.Item>
              <Form.Item name="number" label={t('delivery.settlement.invoiceNumber')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input maxLength={100} data-testid="invoice-number" />
              </Form.Item>
              <Form.Item name="amountFen" label={t('delivery.settlement.amount')} rules={[amountRule(t('delivery.form.amountInvalid'))]}>
                <YuanInput />
              </Form.Item>
              <Form.Item name="issuedDate" label={t('delivery.settlement.issuedDate')} rules={[{ required: true }]}>
                <DateInput notAfterToday />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="invoiceId" label={t('delivery.settlement.invoice')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Select data-testid="payment-invoice" options={openInvoices.map((i) => ({ value: i.id, label: `${i.number} · ${t('delivery.settlement.outstanding')} ${formatFen(i.outstandingFen)}` }))} onChange={(id: number) => form.setFieldsValue({ amountFen: openInvoices.find((i) => i.id === id)?.outstandingFen })} />
              </Form.Item>
              <Form.Item name="amountFen" label={t('delivery.settlement.amount')} rules={[amountRule(t('delivery.form.amountInvalid'))]}>
                <YuanInput />
              </Form.Item>
              <Form.Item name="receivedDate" label={t('delivery.settlement.receivedDate')} rules={[{ required: true }]}>
                <DateInput notAfterToday />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('delivery.settlement.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
