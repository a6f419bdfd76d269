import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { CheckCircleOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { PageLoading } from '../../../shared/components/PageLoading';

type Values = { username: string; password: string };

/** Only same-site paths: `//evil.example` or absolute URLs fall back to home. */
function safeRedirect(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

const FEATURES = ['intake', 'delivery', 'people', 'risk'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;

  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'authenticated') return <Navigate to={safeRedirect(params.get('redirect'))} replace />;

  async function submit(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.network'));
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <section className="login-hero">
        <span className="brand-mark" style={{ width: 44, height: 44, fontSize: 24 }}>
          运
        </span>
        <h1>{t('app.brandFull')}</h1>
        <div className="tagline">{t('app.tagline')}</div>
        <Typography.Paragraph className="description" style={{ color: 'rgba(255,255,255,0.85)', maxWidth: 520, fontSize: 15 }}>
          {t('app.description')}
        </Typography.Paragraph>
        <ul>
          {FEATURES.map((f) => (
            <li key={f}>
              <CheckCircleOutlined style={{ marginRight: 8 }} />
              {t(`auth.features.${f}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="login-panel">
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        <Card className="login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('auth.loginTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.loginSubtitle')}</Typography.Paragraph>
          {expired && !error && <Alert type="warning" showIcon message={t('errors.sessionExpired')} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<Values> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={60} />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
            {t('auth.forgot')}
          </Typography.Paragraph>
        </Card>
      </section>
    </div>
  );
}
