import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppraisalDetailDto } from '../api';
import { useAppraisalAction } from '../useAppraisalAction';
import { GradeTag } from './StatusTags';

/**
 * The scores side by side: the self score (never mixed in), the supervisor's total, peer and
 * customer averages, the final score per the rater mix actually applied, and the grade.
 */
export function ResultCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const actions = new Set(detail.actions);
  const { run, busy } = useAppraisalAction(detail.id);
  const [calibrating, setCalibrating] = useState(false);
  const [form] = Form.useForm<{ finalScore: number; reason: string }>();
  const w = detail.raterWeights;
  const stat = (title: string, value: number | null, suffix?: string) => (
    <Col xs={12} sm={8} md={6} lg={4}>
      <Statistic title={title} value={value === null ? '—' : value.toFixed(2)} suffix={value === null ? undefined : suffix} valueStyle={{ fontSize: 20 }} />
    </Col>
  );
  return (
    <Card
      className="page-card"
      title={t('appraisal.result.title')}
      data-testid="result-card"
      extra={
        <Space wrap>
          {actions.has('calibrate') && (
            <Button
              onClick={() => {
                form.setFieldsValue({ finalScore: detail.finalScore ?? undefined, reason: '' });
                setCalibrating(true);
              }}
              data-testid="calibrate"
            >
              {t('appraisal.result.calibrate')}
            </Button>
          )}
          {actions.has('finalize') && (
            <Popconfirm title={t('appraisal.result.finalizeConfirm')} onConfirm={() => void run('finalize', {})} okButtonProps={{ 'data-testid': 'finalize-ok' } as never}>
              <Button type="primary" loading={busy === 'finalize'} data-testid="finalize">
                {t('appraisal.result.finalize')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {stat(t('appraisal.result.self'), detail.selfScore)}
        {stat(t('appraisal.result.supervisor'), detail.totalScore)}
        {detail.cycleType === 'annual' && stat(t('appraisal.result.peer'), detail.peerScore)}
        {detail.cycleType === 'annual' && detail.customerFacing && stat(t('appraisal.result.customer'), detail.customerScore)}
        {stat(t('appraisal.result.final'), detail.finalScore)}
        <Col xs={12} sm={8} md={6} lg={4}>
          <Statistic title={t('appraisal.result.grade')} valueRender={() => <GradeTag grade={detail.grade} />} />
        </Col>
      </Row>
      {w && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('appraisal.result.mix', { supervisor: w.supervisor, peer: w.peer, customer: w.customer })}
        </Typography.Paragraph>
      )}
      {detail.calibration && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('appraisal.result.calibrated', { computed: detail.computedFinalScore?.toFixed(2) ?? '—', final: detail.finalScore?.toFixed(2) ?? '—', by: detail.calibration.byName ?? '', reason: detail.calibration.reason })}
        </Typography.Paragraph>
      )}
      <Modal
        open={calibrating}
        title={t('appraisal.result.calibrate')}
        okText={t('common.save')}
        confirmLoading={busy === 'calibrate'}
        onCancel={() => setCalibrating(false)}
        onOk={async () => {
          const v = await form.validateFields();
          if (await run('calibrate', v, form)) setCalibrating(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('appraisal.result.calibrateHint', { computed: detail.computedFinalScore?.toFixed(2) ?? '—' })}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="finalScore" label={t('appraisal.result.final')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('appraisal.result.reason')} rules={[{ required: true, message: t('appraisal.result.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
