import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppraisalDetailDto } from '../api';
import { useAppraisalAction } from '../useAppraisalAction';
import { useSetting } from '../../../shared/hooks/useSetting';
import { ScoreForm, initialItems, itemsPayload, type ItemsValue } from './ScoreForm';
import { PeerPicker } from './PeerPicker';

type Values = { items: ItemsValue; comment: string; peerReviewerIds?: number[] };

/**
 * 《月度/年度績效考核評價表》: the supervisor scores beside the employee's self-assessment;
 * objective items keep their computed score unless overridden with a reason. Annual: peers too.
 */
export function SupervisorCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAppraisalAction(detail.id);
  const annual = detail.cycleType === 'annual';
  const peerCount = useSetting<{ min: number; max: number }>('appraisal.peerCount') ?? { min: 2, max: 5 };
  const chosen = detail.peerReviews.filter((p) => p.status !== 'void' && p.reviewerId !== null);
  return (
    <Card className="page-card" title={annual ? t('appraisal.forms.supervisorAnnual') : t('appraisal.forms.supervisorMonthly')} data-testid="supervisor-form">
      <Typography.Paragraph type="secondary">{t('appraisal.supervisor.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ items: initialItems(detail), comment: '', peerReviewerIds: chosen.map((p) => p.reviewerId!) }}
        onFinish={(v) => void run('submit-supervisor', { items: itemsPayload(v.items), comment: v.comment, ...(annual ? { peerReviewerIds: v.peerReviewerIds ?? [] } : {}) }, form)}
        scrollToFirstError
      >
        <ScoreForm detail={detail} mode="supervisor" form={form} />
        <Form.Item name="comment" label={t('appraisal.supervisor.comment')} rules={[{ required: true, message: t('appraisal.supervisor.commentRequired') }]} style={{ marginTop: 16 }}>
          <Input.TextArea rows={3} maxLength={5000} showCount data-testid="supervisor-comment" />
        </Form.Item>
        {annual && (
          <Form.Item
            name="peerReviewerIds"
            label={t('appraisal.peers.pick', peerCount)}
            extra={t('appraisal.peers.pickHint')}
            rules={[{ validator: (_, ids?: number[]) => ((ids?.length ?? 0) >= peerCount.min ? Promise.resolve() : Promise.reject(new Error(t('appraisal.peers.tooFew', peerCount)))) }]}
          >
            <PeerPicker exclude={[detail.employeeId, ...(detail.supervisorId ? [detail.supervisorId] : [])]} known={chosen.map((p) => ({ id: p.reviewerId!, name: p.reviewerName ?? '' }))} max={peerCount.max} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy === 'submit-supervisor'} data-testid="submit-supervisor">
          {t('appraisal.supervisor.submit')}
        </Button>
      </Form>
    </Card>
  );
}
