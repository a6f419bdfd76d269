import { Alert, Checkbox, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { expenseAction, type ExpenseDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import { DateInput } from './DateInput';
import { formatFen } from '../../../shared/money';

export type ExpenseDecisionKind = 'approve' | 'reject' | 'pay';

/** Approve (over budget needs the explicit tick), reject with a reason, or pay. */
export function ExpenseDecision({ expense, kind, onClose }: { expense: ExpenseDto | null; kind: ExpenseDecisionKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  useEffect(() => {
    if (expense) {
      form.resetFields();
      if (kind === 'pay') form.setFieldsValue({ paidOn: dayjs().format('YYYY-MM-DD') });
    }
  }, [expense, kind, form]);
  const done = { approve: t('delivery.expense.approved'), reject: t('delivery.expense.rejected'), pay: t('delivery.expense.paid') }[kind];
  const act = useDeliveryMutation((v: Record<string, unknown>) => expenseAction(expense!.id, kind, v), { form, success: done, onDone: onClose });
  const managerStep = expense?.awaiting === 'manager';
  return (
    <Modal
      open={expense !== null}
      title={expense ? `${t(`delivery.expense.${kind}`)} · ${expense.code}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': `expense-${kind}-ok`, danger: kind === 'reject' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      {expense && (
        <Alert
          type={expense.overBudget ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={`${expense.claimantName} · ${expense.budgetLineItem} · ${formatFen(expense.amountFen)}`}
          description={expense.overBudget ? t('delivery.expense.overBudgetWarn', { item: expense.budgetLineItem }) : `${expense.description}`}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
        {kind === 'approve' && (
          <>
            <Form.Item name="comment" label={t('delivery.expense.comment')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            {expense?.overBudget && managerStep && (
              <Form.Item name="confirmOverBudget" valuePropName="checked">
                <Checkbox data-testid="confirm-over-budget">{t('delivery.expense.confirmOverBudget')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {kind === 'reject' && (
          <Form.Item name="reason" label={t('delivery.expense.reason')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input.TextArea rows={3} maxLength={5000} data-testid="expense-reject-reason" />
          </Form.Item>
        )}
        {kind === 'pay' && (
          <Form.Item name="paidOn" label={t('delivery.expense.paidOn')} rules={[{ required: true }]}>
            <DateInput notAfterToday />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
