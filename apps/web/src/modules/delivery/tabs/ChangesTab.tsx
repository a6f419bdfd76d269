import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Divider, Form, Input, Modal, Row, Select, Space, Table, Typography, type ButtonProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { createChange, decideChange, deliveryKeys, listChanges, type ChangeDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';
import { DateInput } from '../components/DateInput';
import { Money } from '../components/Money';
import { YuanInput, amountRule } from '../components/YuanInput';
import { ChangeStatusTag } from '../components/tags';

type Decision = { change: ChangeDto; action: 'approve' | 'reject' } | null;

/** Before → after of a change: moved milestones, changed and new budget lines, end date and total. */
function PlanDiff({ c }: { c: ChangeDto }) {
  const { t } = useTranslation();
  if (!c.before || !c.after) return null;
  const before = c.before;
  const rows = [
    { key: 'end', label: t('delivery.change.newEndDate'), before: formatDate(before.endDate), after: formatDate(c.after.endDate) },
    { key: 'budget', label: t('delivery.line.budget'), before: <Money fen={before.budgetFen} />, after: <Money fen={c.after.budgetFen} strong /> },
    ...c.after.milestones
      .map((m) => ({ m, old: before.milestones.find((o) => o.id === m.id) }))
      .filter(({ m, old }) => !old || old.plannedStart !== m.plannedStart || old.plannedEnd !== m.plannedEnd)
      .map(({ m, old }) => ({ key: `m${m.id}`, label: m.name, before: old ? `${formatDate(old.plannedStart)} ～ ${formatDate(old.plannedEnd)}` : '—', after: `${formatDate(m.plannedStart)} ～ ${formatDate(m.plannedEnd)}` })),
    ...c.after.budgetLines
      .map((l) => ({ l, old: before.budgetLines.find((o) => o.id === l.id) }))
      .filter(({ l, old }) => !old || old.amountFen !== l.amountFen)
      .map(({ l, old }) => ({ key: `l${l.id}`, label: l.item, before: old ? <Money fen={old.amountFen} /> : '—', after: <Money fen={l.amountFen} /> })),
  ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: '', dataIndex: 'label' },
        { title: t('delivery.change.before'), dataIndex: 'before' },
        { title: t('delivery.change.after'), dataIndex: 'after' },
      ]}
    />
  );
}

/** [3.2.4] customer change requests: impact on scope, schedule and budget; the manager's decision updates plan and budget. */
type PairField = { field: string; rules: Rule[]; input: ReactNode };

/** Rows of two inputs (what changes and its new value), added and removed by the user. */
function PairList({ name, first, second }: { name: string; first: PairField; second: PairField }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              {[first, second].map((p) => (
                <Form.Item key={p.field} name={[f.name, p.field]} rules={p.rules}>
                  {p.input}
                </Form.Item>
              ))}
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>{t('delivery.form.add')}</Button>
        </>
      )}
    </Form.List>
  );
}

export default function ChangesTab({ project }: TabProps) {
  const { t } = useTranslation();
  const required: Rule[] = [{ required: true, message: t('delivery.form.required') }];
  const [form] = Form.useForm();
  const [dForm] = Form.useForm<{ comment?: string }>();
  const [creating, setCreating] = useState(false);
  const [decision, setDecision] = useState<Decision>(null);
  const changes = useQuery({ queryKey: deliveryKeys.part(project.id, 'changes'), queryFn: ({ signal }) => listChanges(project.id, signal) });
  const create = useDeliveryMutation((v: Record<string, unknown>) => createChange(project.id, v), { form, success: t('common.saved'), onDone: () => setCreating(false) });
  const decide = useDeliveryMutation((v: { comment?: string }) => decideChange(project.id, decision!.change.id, decision!.action, v.comment), {
    form: dForm,
    success: decision?.action === 'approve' ? t('delivery.change.applied') : t('delivery.change.rejected'),
    onDone: () => setDecision(null),
  });
  const canCreate = project.can.report && project.status !== 'closed';

  return (
    <Card
      className="page-card"
      title={t('delivery.detail.tabs.changes')}
      extra={canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ requestedOn: dayjs().format('YYYY-MM-DD') }); setCreating(true); }} data-testid="change-add">{t('delivery.change.add')}</Button>}
    >
      <Table
        size="middle"
        rowKey="id"
        loading={changes.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={changes.data?.items}
        expandable={{
          expandedRowRender: (c) => (
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('delivery.change.description')}><span className="pre-wrap">{c.description}</span></Descriptions.Item>
                  <Descriptions.Item label={t('delivery.change.scopeImpact')}>{c.scopeImpact || t('delivery.change.none')}</Descriptions.Item>
                  <Descriptions.Item label={t('delivery.change.scheduleImpact')}>{c.scheduleImpact || t('delivery.change.none')}</Descriptions.Item>
                  {c.decisionComment && <Descriptions.Item label={t('delivery.change.comment')}>{c.decisionComment}（{c.decidedByName}）</Descriptions.Item>}
                </Descriptions>
              </Col>
              <Col xs={24} lg={12}>
                <PlanDiff c={c} />
              </Col>
            </Row>
          ),
        }}
        columns={[
          { title: t('delivery.change.title'), dataIndex: 'title', render: (v: string, c) => <><strong>{v}</strong><div className="muted">{c.code} · {c.requestedBy} · {formatDate(c.requestedOn)}</div></> },
          { title: t('delivery.change.budgetImpact'), dataIndex: 'budgetImpactFen', align: 'right', render: (v: number) => <Money fen={v} danger={v > 0} /> },
          { title: t('delivery.change.scheduleDays'), dataIndex: 'scheduleImpactDays', render: (v: number) => (v ? t('delivery.change.days', { count: v }) : t('delivery.change.none')) },
          { title: t('delivery.plan.status'), dataIndex: 'status', render: (v: ChangeDto['status']) => <ChangeStatusTag status={v} /> },
          { title: t('delivery.issue.reporter'), dataIndex: 'createdByName' },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Space>
                {c.actions.includes('approve') && <a onClick={() => { dForm.resetFields(); setDecision({ change: c, action: 'approve' }); }} data-testid={`change-approve-${c.id}`}>{t('delivery.change.approve')}</a>}
                {c.actions.includes('reject') && <a onClick={() => { dForm.resetFields(); setDecision({ change: c, action: 'reject' }); }}>{t('delivery.change.reject')}</a>}
              </Space>
            ),
          },
        ]}
      />

      <Modal open={creating} title={t('delivery.change.add')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'change-ok' } as ButtonProps} destroyOnHidden forceRender width={720}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label={t('delivery.change.title')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input maxLength={100} data-testid="change-title" />
          </Form.Item>
          <Form.Item name="description" label={t('delivery.change.description')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="change-description" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="requestedBy" label={t('delivery.change.requestedBy')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 1, marginRight: 12 }}>
              <Input maxLength={100} data-testid="change-requested-by" />
            </Form.Item>
            <Form.Item name="requestedOn" label={t('delivery.change.requestedOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DateInput notAfterToday />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="scopeImpact" label={t('delivery.change.scopeImpact')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="scheduleImpact" label={t('delivery.change.scheduleImpact')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Divider orientation="left" plain>{t('delivery.change.milestoneChanges')}</Divider>
          <PairList
            name="milestoneChanges"
            first={{ field: 'milestoneId', rules: required, input: <Select style={{ width: 200 }} options={project.milestones.map((m) => ({ value: m.id, label: m.name }))} /> }}
            second={{ field: 'plannedEnd', rules: required, input: <DateInput /> }}
          />
          <Divider orientation="left" plain>{t('delivery.change.budgetChanges')}</Divider>
          <PairList
            name="budgetChanges"
            first={{ field: 'budgetLineId', rules: required, input: <Select style={{ width: 200 }} options={project.budgetLines.map((l) => ({ value: l.id, label: l.item }))} /> }}
            second={{ field: 'amountFen', rules: [amountRule(t('delivery.form.amountInvalid'))], input: <YuanInput /> }}
          />
          <Divider orientation="left" plain>{t('delivery.change.newLines')}</Divider>
          <PairList
            name="newBudgetLines"
            first={{ field: 'item', rules: required, input: <Input style={{ width: 200 }} maxLength={100} placeholder={t('delivery.line.item')} /> }}
            second={{ field: 'amountFen', rules: [amountRule(t('delivery.form.amountInvalid'))], input: <YuanInput /> }}
          />
          <Form.Item name="endDate" label={t('delivery.change.newEndDate')} style={{ marginTop: 16 }}>
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={decision !== null} title={decision ? `${t(`delivery.change.${decision.action}`)} · ${decision.change.title}` : ''} onCancel={() => setDecision(null)} onOk={() => dForm.submit()} confirmLoading={decide.isPending} okButtonProps={{ 'data-testid': 'change-decide-ok', danger: decision?.action === 'reject' } as ButtonProps} destroyOnHidden forceRender>
        {decision && (
          <Typography.Paragraph>
            {t('delivery.change.budgetImpact')}：<Money fen={decision.change.budgetImpactFen} /> · {t('delivery.change.scheduleDays')}：{t('delivery.change.days', { count: decision.change.scheduleImpactDays })}
          </Typography.Paragraph>
        )}
        <Form form={dForm} layout="vertical" onFinish={(v) => decide.mutate(v)}>
          <Form.Item name="comment" label={t('delivery.change.comment')} rules={decision?.action === 'reject' ? [{ required: true, message: t('delivery.form.required') }] : []}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
