import { useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ITEM_SOURCES } from '@domain/appraisal/template.schema.js';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createTemplate, type TemplateDimension, type TemplateDto } from '../api';
import { useNames } from './useNames';

type Values = { name: string; effectiveFrom: Dayjs; note?: string; dimensions: TemplateDimension[] };

const sum = (rows: { weight?: number | null }[] | undefined) => (rows ?? []).reduce((s, r) => s + (r.weight ?? 0), 0);

/** A new template version from the one in force: weights at each level must add up to 100. */
export function TemplateEditor({ base, onClose, onSaved }: { base: TemplateDto | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { itemName, dimensionName } = useNames();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const handleError = useApiErrorHandler();
  const dims = Form.useWatch('dimensions', form) as TemplateDimension[] | undefined;
  return (
    <Drawer
      open={base !== null}
      width={Math.min(920, window.innerWidth)}
      title={base ? t('appraisal.templates.newVersion', { type: t(`appraisal.type.${base.type}`) }) : ''}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={saving}
          onClick={async () => {
            const v = await form.validateFields();
            setSaving(true);
            try {
              await createTemplate({ type: base!.type, name: v.name, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), ...(v.note ? { note: v.note } : {}), dimensions: v.dimensions }, key);
              setKey(newIdempotencyKey());
              onSaved();
            } catch (err) {
              handleError(err, { form });
            } finally {
              setSaving(false);
            }
          }}
        >
          {t('common.save')}
        </Button>
      }
    >
      {base && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            name: base.name,
            effectiveFrom: dayjs().add(1, 'day'),
            dimensions: base.dimensions.map((d) => ({ ...d, name: dimensionName(d.key, d.name), items: d.items.map((i) => ({ ...i, name: itemName(i.key, i.name) })) })),
          }}
        >
          <Space wrap align="start">
            <Form.Item name="name" label={t('appraisal.templates.name')} rules={[{ required: true }]}>
              <Input maxLength={100} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('appraisal.templates.effectiveFrom')} rules={[{ required: true }]} extra={t('appraisal.templates.effectiveHint')}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="note" label={t('appraisal.templates.note')}>
              <Input maxLength={500} style={{ width: 260 }} />
            </Form.Item>
          </Space>
          <Typography.Paragraph type={sum(dims) === 100 ? 'secondary' : 'danger'}>{t('appraisal.templates.dimensionSum', { sum: sum(dims) })}</Typography.Paragraph>
          <Form.List name="dimensions">
            {(dimFields) =>
              dimFields.map((df) => (
                <div key={df.key} className="appraisal-template-dimension">
                  <Space wrap>
                    <Form.Item name={[df.name, 'name']} label={t('appraisal.templates.dimension')} rules={[{ required: true }]}>
                      <Input maxLength={100} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[df.name, 'weight']} label={t('appraisal.templates.weight')} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} precision={0} addonAfter="%" style={{ width: 120 }} />
                    </Form.Item>
                    <Typography.Text type={sum(dims?.[df.name]?.items) === 100 ? 'secondary' : 'danger'}>{t('appraisal.templates.itemSum', { sum: sum(dims?.[df.name]?.items) })}</Typography.Text>
                  </Space>
                  <Form.List name={[df.name, 'items']}>
                    {(itemFields, { add, remove }) => (
                      <>
                        <Table
                          size="small"
                          pagination={false}
                          rowKey="key"
                          dataSource={itemFields}
                          columns={[
                            { title: t('appraisal.form.item'), key: 'name', render: (_, f) => <Form.Item name={[f.name, 'name']} style={{ margin: 0 }} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item> },
                            { title: t('appraisal.templates.weight'), key: 'weight', width: 110, render: (_, f) => <Form.Item name={[f.name, 'weight']} style={{ margin: 0 }} rules={[{ required: true }]}><InputNumber min={1} max={100} precision={0} style={{ width: 90 }} /></Form.Item> },
                            {
                              title: t('appraisal.form.source'),
                              key: 'source',
                              width: 200,
                              render: (_, f) => (
                                <Form.Item name={[f.name, 'source']} style={{ margin: 0 }}>
                                  <Select options={ITEM_SOURCES.map((s) => ({ value: s, label: t(`appraisal.source.${s}`) }))} />
                                </Form.Item>
                              ),
                            },
                            { title: '', key: 'remove', width: 40, render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={itemFields.length <= 1} /> },
                          ]}
                        />
                        <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ key: `item${Date.now().toString(36)}`, name: '', weight: 0, source: 'manual', description: '' })}>
                          {t('appraisal.templates.addItem')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </div>
              ))
            }
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}
