import { useEffect } from 'react';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { addNegotiation, type NegotiationInput } from '../api';
import { invalidateSales } from '../invalidate';
import { DateField } from './DateField';

/** One round of business negotiation on a sent proposal [3.1.5]. */
export function NegotiationModal({ proposalId, onClose }: { proposalId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NegotiationInput>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (proposalId !== null) form.setFieldsValue({ date: dayjs().format('YYYY-MM-DD'), participants: '', points: '', outcome: '' });
  }, [proposalId, form]);

  const mutation = useMutation({
    mutationFn: (v: NegotiationInput) => addNegotiation(proposalId!, { date: v.date, participants: v.participants.trim(), points: v.points.trim(), outcome: v.outcome?.trim() ?? '' }),
    onSuccess: () => {
      invalidateSales(queryClient);
      void message.success(t('sales.negotiation.added'));
      onClose();
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <Modal
      open={proposalId !== null}
      title={t('sales.negotiation.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'negotiation-ok' } as ButtonProps}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} data-testid="negotiation-form">
        <Form.Item name="date" label={t('sales.negotiation.fields.date')} rules={[{ required: true, message: t('sales.proposal.dateRequired') }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="participants" label={t('sales.negotiation.fields.participants')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
          <Input maxLength={500} placeholder={t('sales.negotiation.fields.participantsPlaceholder')} />
        </Form.Item>
        <Form.Item name="points" label={t('sales.negotiation.fields.points')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={t('sales.negotiation.fields.pointsPlaceholder')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('sales.negotiation.fields.outcome')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('sales.negotiation.fields.outcomePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
