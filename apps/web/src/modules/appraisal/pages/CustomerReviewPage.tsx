import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Rate, Result, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { formatDateTime } from '../../../shared/format';
import { getCustomerForm, submitCustomerForm } from '../api';
import { CUSTOMER_ITEMS } from '../vocabulary';
import '../appraisal.css';

type Values = { ratings: Record<string, number>; comment?: string; reviewerName?: string };

/** Five stars with the chosen level written beside them (非常不满意 … 非常满意). */
function RateWithLabel({ value, onChange, testId }: { value?: number; onChange?: (v: number) => void; testId: string }) {
  const { t } = useTranslation();
  const label = (n: number) => t(`appraisal.customerForm.levels.${n as 1 | 2 | 3 | 4 | 5}`);
  return (
    <Space size={12}>
      <Rate value={value} onChange={onChange} tooltips={[1, 2, 3, 4, 5].map(label)} data-testid={testId} />
      {value ? <Typography.Text type="secondary">{label(value)}</Typography.Text> : null}
    </Space>
  );
}

/**
 * 《年度績效考核客戶評價表》 opened from a signed link: one page, no account, one submission.
 * A tampered, used or expired link says so and offers nothing to fill.
 */
export default function CustomerReviewPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const query = useQuery({ queryKey: ['customer-review', token], queryFn: ({ signal }) => getCustomerForm(token, signal), retry: false });
  const refusal = (code: string) => (code === 'LINK_USED' ? t('appraisal.customerForm.used') : code === 'LINK_EXPIRED' ? t('appraisal.customerForm.expired') : t('appraisal.customerForm.invalid'));

  let body;
  if (query.isPending) body = <Spin />;
  else if (done) body = <Result status="success" title={t('appraisal.customerForm.thanks')} subTitle={t('appraisal.customerForm.thanksHint')} />;
  else if (query.isError) body = <Result status="warning" title={refusal(query.error instanceof ApiError ? query.error.code : '')} subTitle={t('appraisal.customerForm.contact')} data-testid="customer-refused" />;
  else {
    const f = query.data;
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('appraisal.forms.customer')}
        </Typography.Title>
        <Typography.Paragraph>{t('appraisal.customerForm.intro', { name: f.employeeName, position: f.positionTitle ?? '', period: f.period })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('appraisal.customerForm.expiresAt', { at: formatDateTime(f.expiresAt) })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ reviewerName: f.reviewerName }}
          onFinish={async (v) => {
            setSaving(true);
            setError(null);
            try {
              await submitCustomerForm(token, { ratings: v.ratings, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}), ...(v.reviewerName?.trim() ? { reviewerName: v.reviewerName.trim() } : {}) });
              setDone(true);
            } catch (err) {
              setError(err instanceof ApiError ? (err.code.startsWith('LINK_') ? refusal(err.code) : err.message) : t('errors.network'));
            } finally {
              setSaving(false);
            }
          }}
        >
          {CUSTOMER_ITEMS.map((item) => (
            <Form.Item key={item} name={['ratings', item]} label={t(`appraisal.customer.items.${item}`)} extra={t(`appraisal.customerForm.hint.${item}`)} rules={[{ required: true, message: t('appraisal.customerForm.rate') }]}>
              <RateWithLabel testId={`rate-${item}`} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('appraisal.customerForm.comment')}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="customer-comment" />
          </Form.Item>
          <Form.Item name="reviewerName" label={t('appraisal.customerForm.yourName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block data-testid="customer-submit">
            {t('appraisal.customerForm.submit')}
          </Button>
        </Form>
      </>
    );
  }
  return (
    <div className="customer-review-page">
      <div className="customer-review-top">
        <Typography.Text strong>{t('app.brandFull')}</Typography.Text>
        <LanguageSwitch compact />
      </div>
      <Card className="customer-review-card">{body}</Card>
    </div>
  );
}
