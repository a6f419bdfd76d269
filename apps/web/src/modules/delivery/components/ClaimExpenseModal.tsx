import { Alert, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPENSE_CATEGORIES } from '@domain/delivery/expense.schema.js';
import { claimExpense, type ProjectDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import { formatFen } from '../../../shared/money';
import { DateInput } from './DateInput';
import { FileUpload } from './FileUpload';
import { YuanInput, amountRule } from './YuanInput';

type Values = { budgetLineId: number; category: string; amountFen: number; expenseDate: string; description: string; attachmentIds: number[] };

/** [3.2.5] a claim on one of the project's budget lines with receipts; warns when it would take the line past its budget. */
export function ClaimExpenseModal({ project, open, onClose }: { project: ProjectDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ expenseDate: dayjs().format('YYYY-MM-DD') });
    }
  }, [open, form]);
  const save = useDeliveryMutation((v: Values) => claimExpense(project.id, v), { form, success: t('delivery.expense.claimed'), onDone: onClose });
  const lineId = Form.useWatch('budgetLineId', form);
  const amount = Form.useWatch('amountFen', form);
  const line = project.budgetLines.find((l) => l.id === lineId);
  const over = line && typeof amount === 'number' && line.usedFen + amount > line.amountFen;
  return (
    <Modal open={open} title={`${t('delivery.expense.claim')} · ${project.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'claim-ok' } as ButtonProps} destroyOnHidden forceRender width={620}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space.Compact block>
          <Form.Item name="budgetLineId" label={t('delivery.expense.line')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 3, marginRight: 12 }}>
            <Select data-testid="claim-line" options={project.budgetLines.map((l) => ({ value: l.id, label: `${l.item}（${t('delivery.line.remaining')} ${formatFen(l.remainingFen)}）` }))} />
          </Form.Item>
          <Form.Item name="category" label={t('delivery.expense.category')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 2 }}>
            <Select data-testid="claim-category" options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`delivery.expense.categories.${c}`) }))} />
          </Form.Item>
        </Space.Compact>
        {line && <div className="field-hint" style={{ marginTop: -16, marginBottom: 12 }}>{t('delivery.expense.lineUsage', { used: formatFen(line.usedFen), budget: formatFen(line.amountFen) })}</div>}
        <Space.Compact block>
          <Form.Item name="amountFen" label={t('delivery.expense.amount')} rules={[amountRule(t('delivery.form.amountInvalid'))]} style={{ flex: 1, marginRight: 12 }}>
            <YuanInput />
          </Form.Item>
          <Form.Item name="expenseDate" label={t('delivery.expense.date')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DateInput notAfterToday />
          </Form.Item>
        </Space.Compact>
        {over && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('delivery.expense.overBudgetWarn', { item: line.item })} />}
        <Form.Item name="description" label={t('delivery.expense.description')} rules={[{ required: true, message: t('delivery.form.required') }]}>
          <Input maxLength={500} data-testid="claim-description" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('delivery.expense.receipts')} rules={[{ required: true, type: 'array', min: 1, message: t('delivery.expense.receiptRequired') }]}>
          <FileUpload testId="claim-receipts" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
