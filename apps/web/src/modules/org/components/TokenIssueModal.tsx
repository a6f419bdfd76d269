import { useEffect, useMemo } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createToken, orgKeys } from '../api';
import { UserPicker } from './UserPicker';

type Values = { name: string; userId: number; expiresOn?: Dayjs | null };
type Props = { open: boolean; onClose: () => void; onIssued: (secret: string) => void };

export function TokenIssueModal({ open, onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const idempotencyKey = useMemo(() => (open ? newIdempotencyKey() : ''), [open]);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createToken({ name: values.name.trim(), userId: values.userId, expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : null }, idempotencyKey),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.tokens });
      onClose();
      onIssued(created.token);
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('tokens.create')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item name="name" label={t('tokens.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('tokens.fields.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="userId" label={t('tokens.fields.user')} rules={[{ required: true }]}>
          <UserPicker />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('tokens.fields.expiresOn')} extra={t('tokens.fields.expiresNever')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
