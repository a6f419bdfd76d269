import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ISSUE_SEVERITIES } from '@domain/delivery/issue.machine.js';
import { formatDate, formatDateTime } from '../../../shared/format';
import { createIssue, deliveryKeys, issueAction, listIssues, listMembers, type IssueDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';
import { DateInput } from '../components/DateInput';
import { IssueStatusTag, SeverityTag } from '../components/tags';

type Dialog = { kind: 'new' } | { kind: 'escalate' | 'decide' | 'close'; issue: IssueDto } | null;

/** [3.2.3] issues with severity; a major one goes to the department manager, who records the discussion and decides. */
export default function IssuesTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<Dialog>(null);
  const issues = useQuery({ queryKey: deliveryKeys.part(project.id, 'issues'), queryFn: ({ signal }) => listIssues(project.id, signal) });
  const members = useQuery({ queryKey: deliveryKeys.part(project.id, 'members'), queryFn: ({ signal }) => listMembers(project.id, signal) });
  const owners = [{ value: project.pmId, label: project.pmName }, ...(members.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.userId, label: m.userName }))];
  const severity = Form.useWatch('severity', form) as string | undefined;
  const save = useDeliveryMutation(
    (v: Record<string, unknown>) => (dialog?.kind === 'new' ? createIssue(project.id, v) : issueAction(project.id, (dialog as { issue: IssueDto }).issue.id, dialog!.kind as 'decide', v)),
    { form, success: t('delivery.issue.done'), onDone: () => setDialog(null) },
  );
  const open = (d: Dialog) => {
    form.resetFields();
    if (d?.kind === 'decide') form.setFieldsValue({ meetingDate: dayjs().format('YYYY-MM-DD') });
    setDialog(d);
  };
  const title = dialog?.kind === 'new' ? t('delivery.issue.add') : dialog ? t(`delivery.issue.${dialog.kind}`) : '';

  return (
    <Card
      className="page-card"
      title={t('delivery.detail.tabs.issues')}
      extra={project.can.report && <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'new' })} data-testid="issue-add">{t('delivery.issue.add')}</Button>}
    >
      <Table
        size="middle"
        rowKey="id"
        loading={issues.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={issues.data?.items}
        expandable={{
          rowExpandable: (i) => !!(i.decision || i.resolution || i.escalationReason),
          expandedRowRender: (i) => (
            <Descriptions size="small" column={1} bordered>
              {i.escalationReason && <Descriptions.Item label={t('delivery.issue.reason')}>{i.escalationReason}</Descriptions.Item>}
              {i.decision && (
                <>
                  <Descriptions.Item label={t('delivery.issue.meetingDate')}>{formatDate(i.meetingDate)} · {i.decidedByName}</Descriptions.Item>
                  <Descriptions.Item label={t('delivery.issue.participants')}>{i.participants}</Descriptions.Item>
                  <Descriptions.Item label={t('delivery.issue.discussion')}><span className="pre-wrap">{i.discussion}</span></Descriptions.Item>
                  <Descriptions.Item label={t('delivery.issue.decision')}><span className="pre-wrap">{i.decision}</span></Descriptions.Item>
                </>
              )}
              {i.resolution && <Descriptions.Item label={t('delivery.issue.resolution')}><span className="pre-wrap">{i.resolution}</span></Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('delivery.issue.title'), dataIndex: 'title', render: (v: string, i) => <><strong>{v}</strong><div className="muted">{i.description}</div></> },
          { title: t('delivery.issue.severity'), dataIndex: 'severity', render: (v: IssueDto['severity']) => <SeverityTag severity={v} /> },
          { title: t('delivery.plan.status'), dataIndex: 'status', render: (v: IssueDto['status']) => <IssueStatusTag status={v} /> },
          { title: t('delivery.issue.owner'), dataIndex: 'ownerName' },
          { title: t('delivery.issue.reporter'), render: (_, i) => <>{i.reportedByName}<div className="muted">{formatDateTime(i.createdAt)}</div></> },
          {
            title: t('common.actions'),
            render: (_, i) => (
              <Space>
                {i.actions.includes('escalate') && <a onClick={() => open({ kind: 'escalate', issue: i })}>{t('delivery.issue.escalate')}</a>}
                {i.actions.includes('decide') && <a onClick={() => open({ kind: 'decide', issue: i })} data-testid={`issue-decide-${i.id}`}>{t('delivery.issue.decide')}</a>}
                {i.actions.includes('close') && <a onClick={() => open({ kind: 'close', issue: i })} data-testid={`issue-close-${i.id}`}>{t('delivery.issue.close')}</a>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={dialog !== null} title={title} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'issue-ok' } as ButtonProps} destroyOnHidden forceRender width={620}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {dialog?.kind === 'new' && (
            <>
              <Form.Item name="title" label={t('delivery.issue.title')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input maxLength={100} data-testid="issue-title" />
              </Form.Item>
              <Form.Item name="description" label={t('delivery.issue.description')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input.TextArea rows={3} maxLength={5000} data-testid="issue-description" />
              </Form.Item>
              <Space.Compact block>
                <Form.Item name="severity" label={t('delivery.issue.severity')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 1, marginRight: 12 }}>
                  <Select options={ISSUE_SEVERITIES.map((s) => ({ value: s, label: t(`delivery.issue.severities.${s}`) }))} data-testid="issue-severity" />
                </Form.Item>
                <Form.Item name="ownerId" label={t('delivery.issue.owner')} style={{ flex: 1, marginRight: 12 }}>
                  <Select allowClear options={owners} />
                </Form.Item>
                <Form.Item name="dueDate" label={t('delivery.issue.dueDate')} style={{ flex: 1 }}>
                  <DateInput />
                </Form.Item>
              </Space.Compact>
              {severity === 'major' && <Alert type="warning" showIcon message={t('delivery.issue.majorHint')} />}
            </>
          )}
          {dialog?.kind === 'escalate' && (
            <Form.Item name="reason" label={t('delivery.issue.reason')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          )}
          {dialog?.kind === 'decide' && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={dialog.issue.title} description={dialog.issue.description} />
              <Form.Item name="meetingDate" label={t('delivery.issue.meetingDate')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <DateInput notAfterToday />
              </Form.Item>
              <Form.Item name="participants" label={t('delivery.issue.participants')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input maxLength={500} data-testid="decide-participants" />
              </Form.Item>
              <Form.Item name="discussion" label={t('delivery.issue.discussion')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input.TextArea rows={3} maxLength={5000} data-testid="decide-discussion" />
              </Form.Item>
              <Form.Item name="decision" label={t('delivery.issue.decision')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input.TextArea rows={2} maxLength={5000} data-testid="decide-decision" />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'close' && (
            <Form.Item name="resolution" label={t('delivery.issue.resolution')} rules={[{ required: true, message: t('delivery.form.required') }]}>
              <Input.TextArea rows={3} maxLength={5000} data-testid="issue-resolution" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
