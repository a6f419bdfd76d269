import { useEffect } from 'react';
import { App, Alert, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { assignLead, evaluateLead, type LeadDto } from '../api';
import { invalidateSales } from '../invalidate';
import { AssigneeSelect } from './AssigneeSelect';

type EvaluateValues = { decision: 'accept' | 'reject'; reason?: string };

/** The manager accepts the lead (fits the business scope and strategy) or rejects it with a reason [3.1.2]. */
export function EvaluateModal({ lead, initialDecision = 'accept', onClose, onDone }: { lead: LeadDto | null; initialDecision?: 'accept' | 'reject'; onClose: () => void; onDone?: (lead: LeadDto) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluateValues>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const decision = Form.useWatch('decision', form);

  useEffect(() => {
    if (lead) form.setFieldsValue({ decision: initialDecision, reason: '' });
  }, [lead, initialDecision, form]);

  const mutation = useMutation({
    mutationFn: (v: EvaluateValues) => evaluateLead(lead!.id, v.decision, v.reason?.trim() || undefined),
    onSuccess: (saved) => {
      invalidateSales(queryClient);
      void message.success(saved.status === 'accepted' ? t('sales.lead.accepted') : t('sales.lead.rejected'));
      onClose();
      onDone?.(saved);
    },
    onError: (err) => handleError(err, { form, onConflict: () => invalidateSales(queryClient) }),
  });

  return (
    <Modal
      open={lead !== null}
      title={t('sales.lead.evaluateTitle', { title: lead?.title ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sales.lead.evaluateSubmit')}
      okButtonProps={{ danger: decision === 'reject', 'data-testid': 'evaluate-ok' } as ButtonProps}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} data-testid="evaluate-form">
        <Form.Item name="decision" label={t('sales.lead.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'accept', label: t('sales.lead.accept') },
              { value: 'reject', label: t('sales.lead.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={decision === 'reject' ? t('sales.lead.rejectReason') : t('sales.lead.acceptReason')}
          rules={[{ required: decision === 'reject', whitespace: true, message: t('sales.lead.rejectReasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={decision === 'reject' ? t('sales.lead.rejectReasonPlaceholder') : t('sales.lead.acceptReasonPlaceholder')} />
        </Form.Item>
        {decision === 'reject' && <Alert type="warning" showIcon message={t('sales.lead.rejectFinal')} />}
      </Form>
    </Modal>
  );
}

type AssignValues = { assigneeId: number; note?: string };

/** The manager hands an accepted lead to a project manager or specialist [3.1.3]. */
export function AssignModal({ lead, onClose, onDone }: { lead: LeadDto | null; onClose: () => void; onDone?: (lead: LeadDto) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (lead) form.setFieldsValue({ assigneeId: lead.assigneeId ?? undefined, note: '' });
  }, [lead, form]);

  const mutation = useMutation({
    mutationFn: (v: AssignValues) => assignLead(lead!.id, v.assigneeId, v.note?.trim() || undefined),
    onSuccess: (saved) => {
      invalidateSales(queryClient);
      void message.success(t('sales.lead.assigned', { name: saved.assigneeName ?? '' }));
      onClose();
      onDone?.(saved);
    },
    onError: (err) => handleError(err, { form, onConflict: () => invalidateSales(queryClient) }),
  });

  return (
    <Modal
      open={lead !== null}
      title={lead?.assigneeId ? t('sales.lead.reassignTitle', { title: lead.title }) : t('sales.lead.assignTitle', { title: lead?.title ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sales.lead.assignSubmit')}
      okButtonProps={{ 'data-testid': 'assign-ok' } as ButtonProps}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} data-testid="assign-form">
        <Form.Item name="assigneeId" label={t('sales.lead.assignee')} extra={t('sales.lead.assigneeHint')} rules={[{ required: true, message: t('sales.lead.assigneeRequired') }]}>
          <AssigneeSelect />
        </Form.Item>
        <Form.Item name="note" label={t('sales.lead.assignNote')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
