import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppraisalDetailDto } from '../api';
import { useAppraisalAction } from '../useAppraisalAction';
import { ScoreForm, initialItems, itemsPayload, type ItemsValue } from './ScoreForm';
import { EvidenceUpload } from './EvidenceUpload';

type Values = { items: ItemsValue; summary: string; attachmentIds?: number[] };

/** 《月度/年度績效考核自評表》: the employee scores every item and explains [4.4]. */
export function SelfAssessmentCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAppraisalAction(detail.id);
  const annual = detail.cycleType === 'annual';
  return (
    <Card className="page-card" title={annual ? t('appraisal.forms.selfAnnual') : t('appraisal.forms.selfMonthly')} data-testid="self-form">
      <Typography.Paragraph type="secondary">{t('appraisal.self.intro', { due: detail.stepDueDate ?? '' })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ items: initialItems(detail), summary: '' }}
        onFinish={(v) => void run('submit-self', { items: itemsPayload(v.items), summary: v.summary, ...(v.attachmentIds?.length ? { attachmentIds: v.attachmentIds } : {}) }, form)}
        scrollToFirstError
      >
        <ScoreForm detail={detail} mode="self" form={form} />
        <Form.Item name="summary" label={t('appraisal.self.summary')} rules={[{ required: true, message: t('appraisal.self.summaryRequired') }]} style={{ marginTop: 16 }}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('appraisal.self.summaryPlaceholder')} data-testid="self-summary" />
        </Form.Item>
        {annual && (
          <Form.Item name="attachmentIds" label={t('appraisal.self.evidence')} extra={t('appraisal.self.evidenceHint')}>
            <EvidenceUpload />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy === 'submit-self'} data-testid="submit-self">
          {t('appraisal.self.submit')}
        </Button>
      </Form>
    </Card>
  );
}
