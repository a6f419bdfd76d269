import { Button, DatePicker, Flex, Form, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { UserPicker } from '../../org/index';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import type { AuditFilters } from '../api';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../vocabulary';

type Values = { entity?: string; action?: string; actorId?: number | null; range?: [Dayjs | null, Dayjs | null] | null };

type Props = { onSearch: (filters: AuditFilters) => void };

export function AuditFilterBar({ onSearch }: Props) {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) => {
    const [from, to] = values.range ?? [];
    onSearch({
      entity: values.entity || undefined,
      action: values.action || undefined,
      actorId: values.actorId ?? undefined,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} className="filter-bar" data-testid="audit-filters">
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="entity" label={t('audit.filters.entity')} className="filter-item">
          <Select allowClear placeholder={t('common.all')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: tl(`audit.entities.${e}`, e) }))} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filters.action')} className="filter-item">
          <Select allowClear placeholder={t('common.all')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: tl(`audit.actions.${a}`, a) }))} />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.filters.actor')} className="filter-item">
          <UserPicker includeInactive placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.filters.range')} className="filter-item filter-item-wide">
          <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} placeholder={[t('audit.filters.start'), t('audit.filters.end')]} />
        </Form.Item>
        <Form.Item className="filter-actions">
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </Form>
  );
}
