import { App, Checkbox, Col, Form, Input, Modal, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { addContact, salesKeys, type ContactInput } from '../api';

type Props = { customerId: number | null; onClose: () => void };

/** Adds a contact person to a customer. */
export function ContactFormModal({ customerId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactInput>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();

  const mutation = useMutation({
    mutationFn: (values: ContactInput) =>
      addContact(customerId!, {
        name: values.name.trim(),
        title: values.title?.trim() ?? '',
        phone: values.phone?.trim() ?? '',
        email: values.email?.trim() ?? '',
        isPrimary: values.isPrimary ?? false,
        note: values.note?.trim() ?? '',
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.customer(customerId!) });
      void message.success(t('sales.contact.added'));
      form.resetFields();
      onClose();
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <Modal
      open={customerId !== null}
      title={t('sales.contact.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('sales.contact.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('sales.contact.fields.title')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('sales.contact.fields.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, message: t('profile.phoneInvalid') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('sales.contact.fields.email')} rules={[{ type: 'email', message: t('profile.emailInvalid') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('sales.contact.fields.note')} rules={[{ max: 500 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="isPrimary" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('sales.contact.fields.isPrimary')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
