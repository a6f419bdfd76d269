import { useEffect } from 'react';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  /** Which decision is being made; null keeps the dialog closed. */
  decision: 'approve' | 'return' | null;
  title: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (comment: string) => void;
};

/** Approve (comment optional) or return (comment required: it stays on the version judged). */
export function DecisionModal({ decision, title, pending, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  useEffect(() => {
    if (decision) form.setFieldsValue({ comment: '' });
  }, [decision, form]);
  const returning = decision === 'return';
  return (
    <Modal
      open={decision !== null}
      title={returning ? t('workbench.decision.returnTitle', { title }) : t('workbench.decision.approveTitle', { title })}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={returning ? t('workbench.decision.return') : t('workbench.decision.approve')}
      okButtonProps={{ danger: returning, 'data-testid': 'decision-ok' } as ButtonProps}
      confirmLoading={pending}
      destroyOnHidden
      forceRender
    >
      {returning && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('workbench.decision.returnHint')} />}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.comment.trim())} data-testid="decision-form">
        <Form.Item
          name="comment"
          label={returning ? t('workbench.decision.returnComment') : t('workbench.decision.approveComment')}
          rules={[{ required: returning, whitespace: true, message: t('workbench.decision.commentRequired') }, { max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount placeholder={returning ? t('workbench.decision.returnPlaceholder') : t('workbench.decision.approvePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
