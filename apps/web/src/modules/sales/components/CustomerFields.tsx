import { Col, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidUscc } from '@domain/sales/uscc.rules.js';
import { CUSTOMER_SIZES, INDUSTRIES } from '../vocabulary';

/** Name, credit code, industry, region, size and address: shared by the customer form and the lead register form. */
export function CustomerBasicFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name={name('name')} label={t('sales.customer.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} placeholder={t('sales.customer.fields.namePlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={name('uscc')}
          label={t('sales.customer.fields.uscc')}
          extra={t('sales.customer.fields.usccHint')}
          normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
          rules={[
            {
              validator: (_, v: string | undefined) => (!v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('sales.customer.fields.usccInvalid')))),
            },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={8}>
        <Form.Item name={name('industry')} label={t('sales.customer.fields.industry')} rules={[{ required: true, message: t('sales.customer.fields.industryRequired') }]}>
          <Select options={INDUSTRIES.map((v) => ({ value: v, label: t(`sales.industry.${v}`) }))} placeholder={t('common.selectPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={8}>
        <Form.Item name={name('region')} label={t('sales.customer.fields.region')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} placeholder={t('sales.customer.fields.regionPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={8}>
        <Form.Item name={name('size')} label={t('sales.customer.fields.size')} initialValue="medium">
          <Select options={CUSTOMER_SIZES.map((v) => ({ value: v, label: t(`sales.size.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={name('address')} label={t('sales.customer.fields.address')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </>
  );
}
