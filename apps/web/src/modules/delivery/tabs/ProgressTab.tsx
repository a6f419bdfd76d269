import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Row, Space, Tag, Typography, type ButtonProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/auth-context';
import { formatDate, formatDateTime } from '../../../shared/format';
import { deliveryKeys, fileReport, listReports, listTasks, reportingStatus } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';

type Values = { tasks?: { taskId: number; percent: number }[]; percentDone?: number; workDone: string; nextSteps?: string; problems?: string };

/** [3.2.2] periodic reports by team members; the PM sees who owes one for the current period. */
export default function ProgressTab({ project }: TabProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const status = useQuery({ queryKey: deliveryKeys.part(project.id, 'reporting'), queryFn: ({ signal }) => reportingStatus(project.id, undefined, signal) });
  const reports = useQuery({ queryKey: deliveryKeys.part(project.id, 'reports'), queryFn: ({ signal }) => listReports(project.id, signal) });
  const tasks = useQuery({ queryKey: deliveryKeys.part(project.id, 'tasks'), queryFn: ({ signal }) => listTasks(project.id, signal) });
  const mine = (tasks.data?.items ?? []).filter((x) => x.ownerId === me.id && x.status !== 'done');
  const save = useDeliveryMutation((v: Values) => fileReport(project.id, { ...v, period: status.data!.period, tasks: v.tasks ?? [] }), { form, success: t('delivery.progress.filed'), onDone: () => setOpen(false) });
  const s = status.data;
  const periodLabel = (key: string) => {
    const [year, rest = ''] = key.split('-');
    return rest.startsWith('W') ? t('delivery.progress.week', { year, week: Number(rest.slice(1)) }) : t('delivery.progress.month', { year, month: Number(rest) });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Card
          className="page-card"
          title={t('delivery.progress.statusTitle')}
          loading={status.isPending}
          extra={
            project.can.report && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ tasks: mine.map((x) => ({ taskId: x.id, percent: x.progress })) }); setOpen(true); }} data-testid="report-file">
                {t('delivery.progress.file')}
              </Button>
            )
          }
        >
          {s && <Typography.Paragraph type="secondary">{t('delivery.progress.current', { period: periodLabel(s.period), start: formatDate(s.periodStart), end: formatDate(s.periodEnd) })}</Typography.Paragraph>}
          {s && s.missing.length === 0 ? (
            <Alert type="success" showIcon message={t('delivery.progress.allReported')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <div>
                <Typography.Text type="secondary">{t('delivery.progress.missing')}：</Typography.Text>
                {s?.missing.map((m) => <Tag color="red" key={m.userId} data-testid="missing-reporter">{m.name}</Tag>)}
              </div>
              <div>
                <Typography.Text type="secondary">{t('delivery.progress.reported')}：</Typography.Text>
                {s?.reported.map((m) => <Tag color="green" key={m.userId}>{m.name}</Tag>)}
              </div>
            </Space>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card className="page-card" title={t('delivery.progress.history')} loading={reports.isPending}>
          {(reports.data?.items.length ?? 0) === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List
              itemLayout="vertical"
              dataSource={reports.data?.items}
              renderItem={(r) => (
                <List.Item key={r.id} extra={<Tag color="blue">{r.percentDone}%</Tag>}>
                  <List.Item.Meta title={`${r.userName} · ${periodLabel(r.period)}`} description={formatDateTime(r.createdAt)} />
                  <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 4 }}><strong>{t('delivery.progress.workDone')}：</strong>{r.workDone}</Typography.Paragraph>
                  {r.tasks.length > 0 && <div className="muted">{r.tasks.map((x) => `${x.taskName} ${x.percent}%`).join('；')}</div>}
                  {r.nextSteps && <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 4 }}><strong>{t('delivery.progress.nextSteps')}：</strong>{r.nextSteps}</Typography.Paragraph>}
                  {r.problems && <Typography.Paragraph type="danger" className="pre-wrap" style={{ marginBottom: 0 }}><strong>{t('delivery.progress.problems')}：</strong>{r.problems}</Typography.Paragraph>}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Modal open={open} title={`${t('delivery.progress.file')} · ${s ? periodLabel(s.period) : ''}`} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'report-ok' } as ButtonProps} destroyOnHidden forceRender width={640}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {mine.length > 0 ? (
            <Form.Item label={t('delivery.progress.myTasks')}>
              <Form.List name="tasks">
                {(fields) =>
                  fields.map((f, i) => (
                    <Space key={f.key} style={{ display: 'flex', marginBottom: 8 }} align="baseline">
                      <Form.Item name={[f.name, 'taskId']} hidden>
                        <InputNumber />
                      </Form.Item>
                      <span style={{ display: 'inline-block', width: 260 }}>{mine[i]?.name}</span>
                      <Form.Item name={[f.name, 'percent']} rules={[{ required: true, type: 'number', min: 0, max: 100 }]} style={{ marginBottom: 0 }}>
                        <InputNumber min={0} max={100} addonAfter="%" data-testid={`report-task-${i}`} />
                      </Form.Item>
                    </Space>
                  ))
                }
              </Form.List>
            </Form.Item>
          ) : (
            <Form.Item name="percentDone" label={t('delivery.progress.percentDone')} extra={t('delivery.progress.noTasks')} rules={[{ required: true, message: t('delivery.form.required') }]}>
              <InputNumber min={0} max={100} addonAfter="%" data-testid="report-percent" />
            </Form.Item>
          )}
          <Form.Item name="workDone" label={t('delivery.progress.workDone')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="report-work" />
          </Form.Item>
          <Form.Item name="nextSteps" label={t('delivery.progress.nextSteps')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="problems" label={t('delivery.progress.problems')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
