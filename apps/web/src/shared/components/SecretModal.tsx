import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { title: string; body: string; secret: string | null; onClose: () => void };

/** Shows a password or token once, with a copy button; closing it hides the secret for good. */
export function SecretModal({ title, body, secret, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={body} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        className="one-time-secret"
        data-testid="one-time-secret"
        code
        copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ fontSize: 16, wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
