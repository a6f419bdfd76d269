import { useEffect } from 'react';
import { App, Button, Col, Descriptions, Flex, Form, Input, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { submitNeedsAnalysis, type NeedsAnalysisDto, type NeedsAnalysisInput } from '../api';
import { invalidateSales } from '../invalidate';
import { PRIORITIES } from '../vocabulary';
import { Money } from './Money';
import { MoneyInput } from './MoneyInput';
import { PriorityTag } from './StatusTags';

type Content = NeedsAnalysisDto['content'];

/** 《客户需求分析报告》 as read. */
export function NeedsAnalysisView({ content }: { content: Content }) {
  const { t } = useTranslation();
  const text = (v: string) => (v ? <span className="pre-wrap">{v}</span> : t('common.emptyValue'));
  const budget =
    content.budgetMinFen === undefined && content.budgetMaxFen === undefined ? (
      t('common.emptyValue')
    ) : (
      <span>
        <Money fen={content.budgetMinFen ?? null} /> ～ <Money fen={content.budgetMaxFen ?? null} />
      </span>
    );
  return (
    <Flex vertical gap={12}>
      <Descriptions column={1} size="small" bordered className="needs-view">
        <Descriptions.Item label={t('sales.needs.fields.background')}>{text(content.background)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.requirements')}>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={content.requirements}
            columns={[
              { title: '#', width: 40, render: (_, __, i) => i + 1 },
              { title: t('sales.needs.fields.item'), dataIndex: 'item' },
              { title: t('sales.needs.fields.priority'), dataIndex: 'priority', width: 90, render: (p: (typeof PRIORITIES)[number]) => <PriorityTag priority={p} /> },
              { title: t('sales.needs.fields.note'), dataIndex: 'note', render: (v?: string) => v || t('common.emptyValue') },
            ]}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.expectations')}>{text(content.expectations)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.constraints')}>{text(content.constraints)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.budget')}>{budget}</Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.decisionMakers')}>{text(content.decisionMakers)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.needs.fields.timeline')}>{text(content.timeline)}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}

type Values = Omit<NeedsAnalysisInput, 'budgetMinFen' | 'budgetMaxFen'> & { budgetMinFen?: number | null; budgetMaxFen?: number | null };

/** Writing (a new version of) the report; submitting it moves the lead to "analysed". */
export function NeedsAnalysisForm({ leadId, current, onDone, onCancel }: { leadId: number; current: Content | null; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    form.setFieldsValue(
      current
        ? { ...current, budgetMinFen: current.budgetMinFen ?? null, budgetMaxFen: current.budgetMaxFen ?? null }
        : { requirements: [{ item: '', priority: 'must', note: '' }], budgetMinFen: null, budgetMaxFen: null },
    );
  }, [current, form]);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      submitNeedsAnalysis(leadId, {
        background: v.background.trim(),
        requirements: v.requirements.map((r) => ({ item: r.item.trim(), priority: r.priority, note: r.note?.trim() ?? '' })),
        expectations: v.expectations?.trim() ?? '',
        constraints: v.constraints?.trim() ?? '',
        ...(v.budgetMinFen !== null && v.budgetMinFen !== undefined ? { budgetMinFen: v.budgetMinFen } : {}),
        ...(v.budgetMaxFen !== null && v.budgetMaxFen !== undefined ? { budgetMaxFen: v.budgetMaxFen } : {}),
        decisionMakers: v.decisionMakers?.trim() ?? '',
        timeline: v.timeline?.trim() ?? '',
      }),
    onSuccess: (answer) => {
      invalidateSales(queryClient);
      void message.success(t('sales.needs.submitted', { version: answer.current?.versionNo ?? 1 }));
      onDone();
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} data-testid="needs-form" scrollToFirstError>
      <Form.Item name="background" label={t('sales.needs.fields.background')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('sales.needs.fields.backgroundPlaceholder')} />
      </Form.Item>
      <Typography.Text strong>{t('sales.needs.fields.requirements')}</Typography.Text>
      <Form.List
        name="requirements"
        rules={[{ validator: (_, list: unknown[]) => (list && list.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('sales.needs.requirementsRequired')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="list-editor">
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" className="list-editor-row">
                <Col flex="28px" className="list-editor-index">
                  {index + 1}
                </Col>
                <Col flex="1 1 240px">
                  <Form.Item name={[field.name, 'item']} rules={[{ required: true, whitespace: true, message: t('sales.needs.itemRequired') }, { max: 200 }]}>
                    <Input maxLength={200} placeholder={t('sales.needs.fields.item')} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 110px">
                  <Form.Item name={[field.name, 'priority']} rules={[{ required: true }]}>
                    <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`sales.priority.${p}`) }))} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 200px">
                  <Form.Item name={[field.name, 'note']} rules={[{ max: 500 }]}>
                    <Input maxLength={500} placeholder={t('sales.needs.fields.note')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('sales.removeRow')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', priority: 'should', note: '' })} block>
              {t('sales.needs.addRequirement')}
            </Button>
          </div>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="expectations" label={t('sales.needs.fields.expectations')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="constraints" label={t('sales.needs.fields.constraints')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item name="budgetMinFen" label={t('sales.needs.fields.budgetMin')}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Form.Item
            name="budgetMaxFen"
            label={t('sales.needs.fields.budgetMax')}
            dependencies={['budgetMinFen']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, max: number | null) => {
                  const min = getFieldValue('budgetMinFen') as number | null;
                  return max === null || max === undefined || min === null || min === undefined || min <= max ? Promise.resolve() : Promise.reject(new Error(t('sales.needs.budgetOrder')));
                },
              }),
            ]}
          >
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="decisionMakers" label={t('sales.needs.fields.decisionMakers')} rules={[{ max: 500 }]}>
            <Input maxLength={500} placeholder={t('sales.needs.fields.decisionMakersPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="timeline" label={t('sales.needs.fields.timeline')} rules={[{ max: 500 }]}>
            <Input maxLength={500} placeholder={t('sales.needs.fields.timelinePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>{t('sales.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="needs-submit">
          {current ? t('sales.needs.submitNewVersion') : t('sales.needs.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
