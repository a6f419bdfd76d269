import { Card } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('password.title')} subtitle={t('password.rule')} />
      <Card className="page-card" style={{ maxWidth: 480 }}>
        <ChangePasswordForm onDone={() => navigate('/')} />
      </Card>
    </>
  );
}
