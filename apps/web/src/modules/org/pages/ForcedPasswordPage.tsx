import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of every page while the user still holds a temporary password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="forced-password">
      <Card
        title={t('password.forcedTitle')}
        extra={<LanguageSwitch compact />}
        data-testid="forced-password"
      >
        <Typography.Paragraph>
          <Typography.Text strong>{user.name}</Typography.Text>（{user.username}）
        </Typography.Paragraph>
        <Alert type="info" showIcon message={t('password.forcedBody')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm temporary onDone={() => navigate('/', { replace: true })} />
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button type="link" onClick={() => void logout().then(() => navigate('/login'))}>
            {t('menu.logout')}
          </Button>
        </Flex>
      </Card>
    </div>
  );
}
