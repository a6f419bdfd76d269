import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { appraisalKeys, getPeerReview, submitPeerReview } from '../api';
import { useSetting } from '../../../shared/hooks/useSetting';
import { useNames } from '../components/useNames';
import '../appraisal.css';

type Values = { teamwork: number; communication: number; comment?: string };

/** 《年度績效考核同事評價表》: a colleague rates teamwork and communication — and sees nothing else of the appraisal. */
export default function PeerReviewPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { cycleLabel } = useNames();
  const [form] = Form.useForm<Values>();
  const rule = useSetting<{ below: number; above: number }>('appraisal.commentRequired');
  const anonymous = useSetting<boolean>('appraisal.peerAnonymous');
  const query = useQuery({ queryKey: appraisalKeys.peerReview(id), queryFn: ({ signal }) => getPeerReview(id, signal), enabled: Number.isInteger(id) });
  const teamwork = Form.useWatch('teamwork', form);
  const communication = Form.useWatch('communication', form);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const extreme = [teamwork, communication].some((s) => rule !== undefined && typeof s === 'number' && (s < rule.below || s > rule.above));
  return (
    <div className="appraisal-page">
      <PageHeader title={t('appraisal.forms.peer')} subtitle={t('appraisal.peerForm.subtitle', { name: p.employeeName, cycle: cycleLabel(p.cycleType, p.period) })} />
      <Card className="page-card" style={{ maxWidth: 720 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('appraisal.fields.employee')}>{p.employeeName}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.fields.position')}>{[p.positionTitle, p.departmentName].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.fields.due')}>{p.dueDate ?? t('common.emptyValue')}</Descriptions.Item>
        </Descriptions>
        {anonymous && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('appraisal.peerForm.anonymous')} />}
        {p.status === 'submitted' ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('appraisal.peers.teamwork')}>{p.teamwork?.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.peers.communication')}>{p.communication?.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.peerForm.comment')}>{p.comment ?? t('common.emptyValue')}</Descriptions.Item>
            <Descriptions.Item label={t('appraisal.peerForm.submittedAt')}>{formatDateTime(p.submittedAt)}</Descriptions.Item>
          </Descriptions>
        ) : !p.actions.includes('submit') ? (
          <Alert type="warning" showIcon message={t('appraisal.peerForm.notOpen')} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              try {
                await submitPeerReview(id, { teamwork: v.teamwork, communication: v.communication, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
                await queryClient.invalidateQueries({ queryKey: appraisalKeys.root });
                void message.success(t('appraisal.done'));
              } catch (err) {
                handleError(err, { form });
              }
            }}
          >
            <Typography.Paragraph type="secondary">{t('appraisal.peerForm.intro')}</Typography.Paragraph>
            <Form.Item name="teamwork" label={t('appraisal.peerForm.teamwork')} rules={[{ required: true, message: t('appraisal.form.scoreRequired') }]}>
              <InputNumber min={0} max={100} precision={2} style={{ width: 140 }} data-testid="peer-teamwork" />
            </Form.Item>
            <Form.Item name="communication" label={t('appraisal.peerForm.communication')} rules={[{ required: true, message: t('appraisal.form.scoreRequired') }]}>
              <InputNumber min={0} max={100} precision={2} style={{ width: 140 }} data-testid="peer-communication" />
            </Form.Item>
            <Form.Item name="comment" label={t('appraisal.peerForm.comment')} rules={extreme ? [{ required: true, message: t('appraisal.form.commentNeeded') }] : []} extra={rule ? t('appraisal.form.commentRule', rule) : undefined}>
              <Input.TextArea rows={3} maxLength={500} data-testid="peer-comment" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="peer-submit">
              {t('appraisal.peerForm.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
