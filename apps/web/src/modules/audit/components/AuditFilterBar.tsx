import { Button, Col, DatePicker, Form, Row, Select, Space } from 'antd';
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
      <Row gutter={16} align="bottom">
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="entity" label={t('audit.filters.entity')} style={{ marginBottom: 12 }}>
            <Select allowClear placeholder={t('common.all')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: tl(`audit.entities.${e}`, e) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="action" label={t('audit.filters.action')} style={{ marginBottom: 12 }}>
            <Select allowClear placeholder={t('common.all')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: tl(`audit.actions.${a}`, a) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="actorId" label={t('audit.filters.actor')} style={{ marginBottom: 12 }}>
            <UserPicker includeInactive placeholder={t('common.all')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="range" label={t('audit.filters.range')} style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} placeholder={[t('audit.filters.start'), t('audit.filters.end')]} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={3}>
          <Form.Item style={{ marginBottom: 12 }}>
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
        </Col>
      </Row>
    </Form>
  );
}
