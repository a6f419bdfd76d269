import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listDepartmentOptions, openCycle, type CycleDto } from '../api';

type Values = { type: 'monthly' | 'annual'; period: Dayjs; name?: string; departmentIds?: number[]; self?: Dayjs; supervisor?: Dayjs; reviews?: Dayjs; feedback?: Dayjs };

/** HR opens a monthly or annual cycle [4.2]: one appraisal for every active employee in scope. */
export function OpenCycleModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (cycle: CycleDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // One key per cycle being opened: a retried request is answered once; the next cycle gets a new key.
  const [key, setKey] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const handleError = useApiErrorHandler();
  const type = Form.useWatch('type', form) ?? 'monthly';
  const departments = useQuery({ queryKey: ['departments'], queryFn: ({ signal }) => listDepartmentOptions(signal), enabled: open });
  const date = (d?: Dayjs) => d?.format('YYYY-MM-DD');
  return (
    <Modal
      open={open}
      title={t('appraisal.cycles.open')}
      okText={t('appraisal.cycles.openConfirm')}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'open-cycle-ok' } as never}
      onOk={async () => {
        const v = await form.validateFields();
        setSaving(true);
        try {
          const dueDates = { self: date(v.self), supervisor: date(v.supervisor), reviews: v.type === 'annual' ? date(v.reviews) : undefined, feedback: date(v.feedback) };
          const cycle = await openCycle(
            {
              type: v.type,
              period: v.type === 'monthly' ? v.period.format('YYYY-MM') : v.period.format('YYYY'),
              ...(v.name?.trim() ? { name: v.name.trim() } : {}),
              ...(v.departmentIds?.length ? { departmentIds: v.departmentIds } : {}),
              ...(Object.values(dueDates).some(Boolean) ? { dueDates: Object.fromEntries(Object.entries(dueDates).filter(([, d]) => d)) } : {}),
            },
            key,
          );
          setKey(newIdempotencyKey());
          onOpened(cycle);
        } catch (err) {
          handleError(err, { form });
        } finally {
          setSaving(false);
        }
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('appraisal.cycles.openHint')} />
      <Form<Values> form={form} layout="vertical" initialValues={{ type: 'monthly', period: dayjs() }}>
        <Form.Item name="type" label={t('appraisal.fields.type')}>
          <Segmented options={(['monthly', 'annual'] as const).map((v) => ({ value: v, label: t(`appraisal.type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('appraisal.fields.period')} rules={[{ required: true }]}>
          <DatePicker picker={type === 'monthly' ? 'month' : 'year'} data-testid="cycle-period" />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('appraisal.cycles.scope')} extra={t('appraisal.cycles.scopeHint')}>
          <Select mode="multiple" allowClear loading={departments.isFetching} options={(departments.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('appraisal.cycles.name')}>
          <Input maxLength={100} placeholder={t('appraisal.cycles.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('appraisal.cycles.dueDates')} extra={t('appraisal.cycles.dueHint')} style={{ marginBottom: 0 }}>
          <Form.Item name="self" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker placeholder={t('appraisal.step.self_assessment')} />
          </Form.Item>
          <Form.Item name="supervisor" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker placeholder={t('appraisal.step.supervisor_review')} />
          </Form.Item>
          {type === 'annual' && (
            <Form.Item name="reviews" style={{ display: 'inline-block', marginRight: 8 }}>
              <DatePicker placeholder={t('appraisal.step.peer_review')} />
            </Form.Item>
          )}
          <Form.Item name="feedback" style={{ display: 'inline-block' }}>
            <DatePicker placeholder={t('appraisal.step.feedback')} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
