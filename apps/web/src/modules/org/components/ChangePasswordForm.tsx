import { App, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { changePassword } from '../api';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

/** Current password, new password twice; other sessions end on success. */
export function ChangePasswordForm({ temporary = false, onDone }: { temporary?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { setUser } = useAuth();
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  const mutation = useMutation({
    mutationFn: (values: Values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: ({ user }) => {
      void message.success(t('password.changed'));
      form.resetFields();
      setUser(user);
      onDone?.();
    },
    onError: (err) => handleError(err, { form }),
  });

  return (
    <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark={false} data-testid="change-password-form">
      <Form.Item name="currentPassword" label={temporary ? t('password.currentTemporary') : t('password.current')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule')}
        rules={[{ required: true, message: t('password.rule') }, { pattern: PASSWORD_RULE, message: t('password.rule') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} block>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
