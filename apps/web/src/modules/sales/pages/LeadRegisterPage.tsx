import { useMemo } from 'react';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/auth-context';
import { newIdempotencyKey } from '../../../app/api-client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { getCustomer, registerLead, salesKeys, type LeadInput, type NewCustomerInput } from '../api';
import { AttachmentUpload } from '../components/AttachmentUpload';
import { CustomerBasicFields } from '../components/CustomerFields';
import { CustomerSelect } from '../components/CustomerSelect';
import { MoneyInput } from '../components/MoneyInput';
import { LEAD_CHANNELS, URGENCIES } from '../vocabulary';
import '../sales.css';

type Values = Omit<LeadInput, 'customerId' | 'newCustomer'> & {
  customerMode: 'existing' | 'new';
  customerId?: number | null;
  newCustomer?: NewCustomerInput;
};

/** 《业务线索登记表》 [3.1.1]: anyone in marketing or another department registers a lead. */
export default function LeadRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const presetCustomerId = Number(params.get('customerId')) || undefined;
  const preset = useQuery({
    queryKey: salesKeys.customer(presetCustomerId ?? 0),
    queryFn: ({ signal }) => getCustomer(presetCustomerId!, signal),
    enabled: !!presetCustomerId,
  });
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const mode = Form.useWatch('customerMode', form) ?? 'existing';

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const input: LeadInput = {
        title: v.title.trim(),
        channel: v.channel,
        referrer: v.referrer?.trim() ?? '',
        contactName: v.contactName?.trim() ?? '',
        contactPhone: v.contactPhone?.trim() ?? '',
        needs: v.needs.trim(),
        expectedValueFen: v.expectedValueFen ?? 0,
        urgency: v.urgency,
        attachmentIds: v.attachmentIds ?? [],
      };
      if (v.customerMode === 'existing') input.customerId = v.customerId ?? undefined;
      else
        input.newCustomer = {
          name: v.newCustomer!.name.trim(),
          uscc: v.newCustomer!.uscc?.trim() ?? '',
          industry: v.newCustomer!.industry,
          region: v.newCustomer!.region.trim(),
          size: v.newCustomer!.size,
          address: v.newCustomer!.address?.trim() ?? '',
        };
      return registerLead(input, idempotencyKey);
    },
    onSuccess: (lead) => {
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(t('sales.lead.registered', { code: lead.code }));
      navigate(`/leads/${lead.id}`);
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <>
      <PageHeader title={t('sales.lead.registerTitle')} subtitle={t('sales.lead.registerSubtitle')} />
      <Card className="page-card paper-form">
        <Typography.Title level={4} className="paper-form-title">
          {t('sales.lead.formName')}
        </Typography.Title>
        <Form<Values>
          form={form}
          layout="vertical"
          data-testid="lead-form"
          initialValues={{ customerMode: 'existing', customerId: presetCustomerId, urgency: 'normal', channel: 'marketing_campaign', expectedValueFen: null, newCustomer: { size: 'medium' } }}
          onFinish={(v) => mutation.mutate(v)}
          scrollToFirstError
        >
          <div className="paper-section-title">{t('sales.lead.sections.source')}</div>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('sales.lead.fields.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input maxLength={100} placeholder={t('sales.lead.fields.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="channel" label={t('sales.lead.fields.channel')} rules={[{ required: true }]}>
                <Select options={LEAD_CHANNELS.map((v) => ({ value: v, label: t(`sales.channel.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="referrer" label={t('sales.lead.fields.referrer')} rules={[{ max: 100 }]}>
                <Input maxLength={100} placeholder={t('sales.lead.fields.referrerPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} className="paper-readonly">
            <Descriptions.Item label={t('sales.lead.fields.registeredBy')}>{me.name}</Descriptions.Item>
            <Descriptions.Item label={t('sales.lead.fields.registeredDepartment')}>{me.departmentName ?? t('home.noDepartment')}</Descriptions.Item>
          </Descriptions>

          <div className="paper-section-title">{t('sales.lead.sections.customer')}</div>
          <Form.Item name="customerMode" style={{ marginBottom: 12 }} extra={t('sales.lead.customerHint')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'existing', label: t('sales.lead.existingCustomer') },
                { value: 'new', label: t('sales.lead.newCustomer') },
              ]}
            />
          </Form.Item>
          <Row gutter={16}>
            {mode === 'existing' ? (
              <Col xs={24} md={12}>
                <Form.Item name="customerId" label={t('sales.lead.fields.customer')} rules={[{ required: true, message: t('sales.lead.fields.customerRequired') }]}>
                  <CustomerSelect initialLabel={preset.data?.name} />
                </Form.Item>
              </Col>
            ) : (
              <CustomerBasicFields prefix={['newCustomer']} />
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="contactName" label={t('sales.lead.fields.contactName')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="contactPhone" label={t('sales.lead.fields.contactPhone')} rules={[{ pattern: /^[0-9+\- ]*$/, message: t('profile.phoneInvalid') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>

          <div className="paper-section-title">{t('sales.lead.sections.needs')}</div>
          <Form.Item name="needs" label={t('sales.lead.fields.needs')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder={t('sales.lead.fields.needsPlaceholder')} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="expectedValueFen" label={t('sales.lead.fields.expectedValue')} extra={t('sales.moneyHint')}>
                <MoneyInput data-testid="expected-value" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="urgency" label={t('sales.lead.fields.urgency')} rules={[{ required: true }]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={URGENCIES.map((v) => ({ value: v, label: t(`sales.urgency.${v}`) }))} />
              </Form.Item>
            </Col>
          </Row>

          <div className="paper-section-title">{t('sales.lead.sections.attachments')}</div>
          <Form.Item name="attachmentIds" label={t('sales.lead.fields.attachments')}>
            <AttachmentUpload />
          </Form.Item>

          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => navigate(-1)}>{t('sales.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="lead-submit">
              {t('sales.lead.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
