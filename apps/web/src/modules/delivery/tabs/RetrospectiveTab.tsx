import { useEffect } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { deliveryKeys, getRetrospective, saveRetrospective, type RetrospectiveDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';

type Values = Pick<RetrospectiveDto, 'wentWell' | 'wentWrong' | 'lessons' | 'reusableAssets'>;
const FIELDS = ['wentWell', 'wentWrong', 'lessons', 'reusableAssets'] as const;
const WRITABLE = new Set(['internal_acceptance', 'customer_acceptance', 'settlement']);

/** [3.3.4] what went well and wrong, the lessons and reusable assets; written before closing. */
export default function RetrospectiveTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: deliveryKeys.part(project.id, 'retrospective'), queryFn: ({ signal }) => getRetrospective(project.id, signal) });
  const retro = query.data ?? null;
  useEffect(() => {
    if (retro) form.setFieldsValue(retro);
  }, [retro, form]);
  const save = useDeliveryMutation((v: Values) => saveRetrospective(project.id, { ...v, ...(retro ? { version: retro.version } : {}) }), { form, success: t('delivery.retro.saved') });
  const editable = project.can.manage && WRITABLE.has(project.status);
  if (query.isPending) return <Card className="page-card" loading />;
  if (!editable) {
    return (
      <Card className="page-card">
        {retro ? (
          <Descriptions column={1} bordered size="small" extra={t('delivery.retro.author', { name: retro.authorName, at: formatDateTime(retro.updatedAt) })}>
            {FIELDS.map((f) => (
              <Descriptions.Item key={f} label={t(`delivery.retro.${f}`)}>
                <span className="pre-wrap">{retro[f] || '—'}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Alert type="info" showIcon message={t('delivery.retro.notYet')} />
        )}
      </Card>
    );
  }
  return (
    <Card className="page-card" extra={retro && <span className="muted">{t('delivery.retro.author', { name: retro.authorName, at: formatDateTime(retro.updatedAt) })}</span>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 880 }}>
        {FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`delivery.retro.${f}`)} rules={f === 'reusableAssets' ? [] : [{ required: true, message: t('delivery.form.required') }]}>
            <Input.TextArea rows={4} maxLength={20000} data-testid={`retro-${f}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="retro-save">
          {t('delivery.retro.save')}
        </Button>
      </Form>
    </Card>
  );
}
