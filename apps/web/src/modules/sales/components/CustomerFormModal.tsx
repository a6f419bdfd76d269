import { useEffect, useMemo } from 'react';
import { App, Col, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createCustomer, updateCustomer, type CustomerDto, type CustomerInput } from '../api';
import { CUSTOMER_SOURCES } from '../vocabulary';
import { CustomerBasicFields } from './CustomerFields';

export type CustomerFormTarget = { mode: 'create' } | { mode: 'edit'; customer: CustomerDto };

type Values = Omit<CustomerInput, 'contacts'> & { contactName?: string; contactTitle?: string; contactPhone?: string; contactEmail?: string };

type Props = { target: CustomerFormTarget | null; onClose: () => void; onSaved: (customer: CustomerDto) => void };

export function CustomerFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const editing = target?.mode === 'edit' ? target.customer : null;
  const idempotencyKey = useMemo(() => (target ? newIdempotencyKey() : ''), [target]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        uscc: editing.uscc ?? '',
        industry: editing.industry,
        region: editing.region,
        size: editing.size,
        source: editing.source,
        address: editing.address,
        note: editing.note,
      });
    } else {
      form.setFieldsValue({ size: 'medium', source: 'other' });
    }
  }, [target, editing, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const input: CustomerInput = {
        name: values.name.trim(),
        uscc: values.uscc?.trim() ?? '',
        industry: values.industry,
        region: values.region.trim(),
        size: values.size,
        source: values.source,
        address: values.address?.trim() ?? '',
        note: values.note?.trim() ?? '',
      };
      if (editing) return updateCustomer(editing.id, { ...input, version: editing.version });
      const contact = values.contactName?.trim();
      return createCustomer(
        {
          ...input,
          contacts: contact
            ? [{ name: contact, title: values.contactTitle?.trim() ?? '', phone: values.contactPhone?.trim() ?? '', email: values.contactEmail?.trim() ?? '', isPrimary: true }]
            : [],
        },
        idempotencyKey,
      );
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(editing ? t('sales.customer.updated') : t('sales.customer.created'));
      onClose();
      onSaved(saved);
    },
    onError: (err) => handleError(err, { form, onConflict: onClose }),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('sales.customer.edit') : t('sales.customer.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      width={760}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} data-testid="customer-form">
        <Row gutter={16}>
          <CustomerBasicFields />
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('sales.customer.fields.source')}>
              <Select options={CUSTOMER_SOURCES.map((v) => ({ value: v, label: t(`sales.source.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('sales.customer.fields.note')} rules={[{ max: 5000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && (
          <>
            <Divider orientation="left" plain>
              {t('sales.customer.primaryContact')}
            </Divider>
            <Row gutter={16}>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="contactName" label={t('sales.contact.fields.name')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="contactTitle" label={t('sales.contact.fields.title')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="contactPhone" label={t('sales.contact.fields.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, message: t('profile.phoneInvalid') }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="contactEmail" label={t('sales.contact.fields.email')} rules={[{ type: 'email', message: t('profile.emailInvalid') }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Modal>
  );
}
