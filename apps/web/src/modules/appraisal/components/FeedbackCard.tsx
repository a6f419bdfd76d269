import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import type { AppraisalDetailDto } from '../api';
import { useAppraisalAction } from '../useAppraisalAction';

type Values = { meetingDate: Dayjs; strengths: string; problems: string; improvementPlan: string; nextYearGoals?: string; developmentPlan?: string };

/** The feedback conversation [4.4]: recorded by the supervisor, acknowledged (or disputed) by the employee. */
export function FeedbackCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const actions = new Set(detail.actions);
  const annual = detail.cycleType === 'annual';
  const [form] = Form.useForm<Values>();
  const [ackForm] = Form.useForm<{ comment?: string }>();
  const [disputeForm] = Form.useForm<{ comment: string }>();
  const { run, busy } = useAppraisalAction(detail.id);
  const [editing, setEditing] = useState(false);
  const [answer, setAnswer] = useState<'acknowledge' | 'dispute' | null>(null);
  const fb = detail.feedback;
  const writing = actions.has('submit-feedback') && (editing || !fb);

  return (
    <Card
      className="page-card"
      title={t('appraisal.forms.feedback')}
      data-testid="feedback-card"
      extra={
        <Space wrap>
          {actions.has('submit-feedback') && fb && !editing && <Button onClick={() => setEditing(true)}>{t('appraisal.feedback.edit')}</Button>}
          {actions.has('acknowledge') && (
            <Button type="primary" onClick={() => setAnswer('acknowledge')} data-testid="acknowledge">
              {t('appraisal.feedback.acknowledge')}
            </Button>
          )}
          {actions.has('dispute') && (
            <Button danger onClick={() => setAnswer('dispute')} data-testid="dispute">
              {t('appraisal.feedback.dispute')}
            </Button>
          )}
        </Space>
      }
    >
      {writing ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={fb ? { ...fb, meetingDate: dayjs(fb.meetingDate), nextYearGoals: fb.nextYearGoals ?? undefined, developmentPlan: fb.developmentPlan ?? undefined } : { meetingDate: dayjs() }}
          onFinish={async (v) => {
            const body = { ...v, meetingDate: v.meetingDate.format('YYYY-MM-DD') };
            if (!annual) {
              delete body.nextYearGoals;
              delete body.developmentPlan;
            }
            if (await run('submit-feedback', body, form)) setEditing(false);
          }}
        >
          <Form.Item name="meetingDate" label={t('appraisal.feedback.meetingDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="strengths" label={t('appraisal.feedback.strengths')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="feedback-strengths" />
          </Form.Item>
          <Form.Item name="problems" label={t('appraisal.feedback.problems')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="feedback-problems" />
          </Form.Item>
          <Form.Item name="improvementPlan" label={t('appraisal.feedback.improvementPlan')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="feedback-plan" />
          </Form.Item>
          {annual && (
            <>
              <Form.Item name="nextYearGoals" label={t('appraisal.feedback.nextYearGoals')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
              <Form.Item name="developmentPlan" label={t('appraisal.feedback.developmentPlan')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy === 'submit-feedback'} data-testid="submit-feedback">
              {t('appraisal.feedback.save')}
            </Button>
            {editing && <Button onClick={() => setEditing(false)}>{t('appraisal.cancel')}</Button>}
          </Space>
        </Form>
      ) : fb ? (
        <Descriptions column={1} size="small" labelStyle={{ width: 140 }}>
          <Descriptions.Item label={t('appraisal.feedback.meetingDate')}>{fb.meetingDate}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.feedback.strengths')}>{fb.strengths}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.feedback.problems')}>{fb.problems}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.feedback.improvementPlan')}>{fb.improvementPlan}</Descriptions.Item>
          {fb.nextYearGoals && <Descriptions.Item label={t('appraisal.feedback.nextYearGoals')}>{fb.nextYearGoals}</Descriptions.Item>}
          {fb.developmentPlan && <Descriptions.Item label={t('appraisal.feedback.developmentPlan')}>{fb.developmentPlan}</Descriptions.Item>}
          <Descriptions.Item label={t('appraisal.feedback.recordedBy')}>
            {fb.recordedByName} · {formatDateTime(fb.recordedAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t('appraisal.feedback.notYet')}</Typography.Paragraph>
      )}
      {detail.acknowledgement && (
        <Alert
          style={{ marginTop: 12 }}
          type={detail.acknowledgement.disputed ? 'warning' : 'success'}
          showIcon
          message={detail.acknowledgement.disputed ? t('appraisal.feedback.disputedAt', { at: formatDateTime(detail.acknowledgement.at) }) : t('appraisal.feedback.acknowledgedAt', { at: formatDateTime(detail.acknowledgement.at) })}
          description={detail.acknowledgement.comment ?? undefined}
        />
      )}

      <Modal
        open={answer !== null}
        title={answer === 'dispute' ? t('appraisal.feedback.dispute') : t('appraisal.feedback.acknowledge')}
        okText={answer === 'dispute' ? t('appraisal.feedback.disputeConfirm') : t('appraisal.feedback.acknowledgeConfirm')}
        okButtonProps={{ danger: answer === 'dispute', 'data-testid': 'answer-ok' } as never}
        confirmLoading={busy === answer}
        onCancel={() => setAnswer(null)}
        onOk={async () => {
          const f = answer === 'dispute' ? disputeForm : ackForm;
          const v = await f.validateFields();
          if (await run(answer!, v.comment ? { comment: v.comment } : {}, f)) setAnswer(null);
        }}
        destroyOnHidden
      >
        {answer === 'dispute' ? (
          <Form form={disputeForm} layout="vertical">
            <Typography.Paragraph type="secondary">{t('appraisal.feedback.disputeHint')}</Typography.Paragraph>
            <Form.Item name="comment" label={t('appraisal.feedback.disputeComment')} rules={[{ required: true, message: t('appraisal.feedback.required') }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        ) : (
          <Form form={ackForm} layout="vertical">
            <Typography.Paragraph type="secondary">{t('appraisal.feedback.acknowledgeHint')}</Typography.Paragraph>
            <Form.Item name="comment" label={t('appraisal.feedback.ackComment')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="ack-comment" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
