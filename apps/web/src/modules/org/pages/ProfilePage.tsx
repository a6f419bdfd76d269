import { useEffect } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@domain/shared/locale.js';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { LOCALES, setLocale } from '../../../app/i18n';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RoleTag } from '../../../shared/components/tags';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { getUser, orgKeys, updateProfile } from '../api';
import { LoadError } from '../../../shared/components/LoadError';

type Values = { name: string; email?: string; phone?: string; locale: Locale | 'none' };

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { setUser } = useAuth();
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  // The session answer carries no e-mail or phone; the user record does.
  const record = useQuery({ queryKey: orgKeys.user(user.id), queryFn: ({ signal }) => getUser(user.id, signal) });

  useEffect(() => {
    if (record.isLoading) return;
    form.setFieldsValue({ name: user.name, email: record.data?.email ?? '', phone: record.data?.phone ?? '', locale: user.locale ?? 'none' });
  }, [user, record.data, record.isLoading, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      updateProfile({
        name: values.name.trim(),
        email: values.email?.trim() || null,
        phone: values.phone?.trim() || null,
        locale: values.locale === 'none' ? null : values.locale,
      }),
    onSuccess: async (saved) => {
      setUser(saved);
      void queryClient.invalidateQueries({ queryKey: orgKeys.users });
      if (saved.locale) await setLocale(saved.locale);
      void message.success(t('common.saved'));
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card className="page-card" loading={record.isLoading}>
            {record.isError && <LoadError error={record.error} onRetry={() => void record.refetch()} />}
            <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} data-testid="profile-form">
              <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="email" label={t('profile.email')} rules={[{ type: 'email', message: t('profile.emailInvalid') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="phone" label={t('profile.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, message: t('profile.phoneInvalid') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="locale" label={t('profile.locale')} extra={t('profile.localeHint')}>
                <Select
                  options={[{ value: 'none', label: t('profile.localeNone') }, ...LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))]}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card className="page-card" title={t('profile.account')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('profile.username'), children: user.username },
                { key: 'role', label: t('profile.role'), children: <RoleTag role={user.role} /> },
                { key: 'department', label: t('profile.department'), children: user.departmentName ?? t('common.emptyValue') },
                { key: 'position', label: t('profile.position'), children: user.positionTitle ?? t('common.emptyValue') },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
