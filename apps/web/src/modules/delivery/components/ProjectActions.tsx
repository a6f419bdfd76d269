import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ProjectAction } from '@domain/delivery/project.machine.js';
import { UserPicker } from '../../org';
import { useAccess } from '../../../shared/hooks/useAccess';
import { projectAction, updateProject, type ProjectDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import { DateInput } from './DateInput';
import { FileUpload } from './FileUpload';
import { formatFen } from '../../../shared/money';

type Dialog = 'settle' | 'rework' | 'close' | 'pm' | null;

const PRIMARY: ProjectAction[] = ['start', 'submit-internal-acceptance', 'submit-customer-acceptance', 'settle', 'close'];

/** The project's transitions for this user, each with the questions it needs answered. */
export function ProjectActions({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { can } = useAccess();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [settleForm] = Form.useForm();
  const [reworkForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [pmForm] = Form.useForm<{ pmId: number }>();
  const formOf = { settle: settleForm, rework: reworkForm, close: closeForm } as const;
  const act = useDeliveryMutation((v: { action: ProjectAction; body?: object }) => projectAction(project.id, v.action, v.body), {
    form: dialog === 'settle' || dialog === 'rework' || dialog === 'close' ? formOf[dialog] : undefined,
    onDone: () => setDialog(null),
  });
  const changePm = useDeliveryMutation((v: { pmId: number }) => updateProject(project.id, { version: project.version, pmId: v.pmId }), { form: pmForm, success: t('delivery.detail.pmChanged'), onDone: () => setDialog(null) });

  const run = (action: ProjectAction) => {
    if (action === 'settle' || action === 'rework' || action === 'close') {
      const form = formOf[action];
      form.resetFields();
      form.setFieldsValue(action === 'settle' ? { acceptedDate: dayjs().format('YYYY-MM-DD') } : action === 'close' ? { actualEnd: dayjs().format('YYYY-MM-DD') } : { items: [''] });
      setDialog(action);
      return;
    }
    let actualStart = dayjs().format('YYYY-MM-DD');
    modal.confirm({
      title: t(`delivery.action.${action}`),
      content:
        action === 'start' ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {t('delivery.confirm.start')}
            <DatePicker defaultValue={dayjs()} disabledDate={(d) => d.isAfter(dayjs(), 'day')} onChange={(d) => (actualStart = d ? d.format('YYYY-MM-DD') : actualStart)} style={{ width: '100%' }} />
          </Space>
        ) : (
          t(`delivery.confirm.${action as 'submit-internal-acceptance'}`)
        ),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: () => act.mutateAsync({ action, body: action === 'start' ? { actualStart } : {} }).then(() => undefined),
    });
  };

  const actions = project.actions as ProjectAction[];
  return (
    <>
      {actions.includes('rework') && (
        <Button danger onClick={() => run('rework')} data-testid="action-rework">
          {t('delivery.action.rework')}
        </Button>
      )}
      {PRIMARY.filter((a) => actions.includes(a)).map((a) => (
        <Button key={a} type="primary" onClick={() => run(a)} loading={act.isPending && act.variables?.action === a} data-testid={`action-${a}`}>
          {t(`delivery.action.${a}`)}
        </Button>
      ))}
      {can('project.assign') && project.status !== 'closed' && (
        <Button onClick={() => setDialog('pm')} data-testid="change-pm">
          {t('delivery.detail.changePm')}
        </Button>
      )}

      <Modal open={dialog === 'settle'} title={t('delivery.action.settle')} onCancel={() => setDialog(null)} onOk={() => settleForm.submit()} confirmLoading={act.isPending} okButtonProps={{ 'data-testid': 'settle-ok' } as ButtonProps} destroyOnHidden forceRender>
        <Form form={settleForm} layout="vertical" onFinish={(v) => act.mutate({ action: 'settle', body: v })}>
          <Form.Item name="acceptedDate" label={t('delivery.acceptance.acceptedDate')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <DateInput notAfterToday />
          </Form.Item>
          <Form.Item name="signer" label={t('delivery.acceptance.signer')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input maxLength={100} data-testid="settle-signer" />
          </Form.Item>
          <Form.Item name="attachmentIds" label={t('delivery.acceptance.signedDoc')} rules={[{ required: true, type: 'array', min: 1, message: t('delivery.expense.receiptRequired') }]}>
            <FileUpload max={5} testId="settle-file" />
          </Form.Item>
          <Form.Item name="note" label={t('delivery.acceptance.settleNote')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={dialog === 'rework'} title={t('delivery.action.rework')} onCancel={() => setDialog(null)} onOk={() => reworkForm.submit()} confirmLoading={act.isPending} okButtonProps={{ 'data-testid': 'rework-ok', danger: true } as ButtonProps} destroyOnHidden forceRender>
        <Form form={reworkForm} layout="vertical" onFinish={(v: { reason: string; items: string[]; dueDate?: string }) => act.mutate({ action: 'rework', body: { ...v, items: v.items.filter(Boolean) } })}>
          <Form.Item name="reason" label={t('delivery.acceptance.reworkReason')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input.TextArea rows={2} maxLength={5000} data-testid="rework-reason" />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Form.Item label={t('delivery.acceptance.reworkItems')} required>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={f.name} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ width: 380, marginBottom: 8 }}>
                      <Input placeholder={t('delivery.acceptance.reworkItem', { n: i + 1 })} maxLength={500} data-testid={`rework-item-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('delivery.acceptance.addReworkItem')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="dueDate" label={t('delivery.acceptance.reworkDue')}>
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={dialog === 'close'} title={t('delivery.action.close')} onCancel={() => setDialog(null)} onOk={() => closeForm.submit()} confirmLoading={act.isPending} okButtonProps={{ 'data-testid': 'close-ok' } as ButtonProps} destroyOnHidden forceRender>
        {!project.receivables.settled && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('delivery.settlement.notSettled', { amount: formatFen(project.receivables.contractFen - project.receivables.receivedFen - project.receivables.writtenOffFen) })} />}
        <Form form={closeForm} layout="vertical" onFinish={(v) => act.mutate({ action: 'close', body: Object.fromEntries(Object.entries(v).filter(([, x]) => x)) })}>
          <Form.Item name="actualEnd" label={t('delivery.settlement.actualEnd')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <DateInput notAfterToday />
          </Form.Item>
          {!project.receivables.settled && project.can.writeOff && (
            <Form.Item name="writeOffReason" label={t('delivery.settlement.writeOffReason')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal open={dialog === 'pm'} title={t('delivery.detail.changePm')} onCancel={() => setDialog(null)} onOk={() => pmForm.submit()} confirmLoading={changePm.isPending} destroyOnHidden forceRender>
        <Form form={pmForm} layout="vertical" onFinish={(v) => changePm.mutate(v)}>
          <Form.Item name="pmId" label={t('delivery.detail.newPm')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <UserPicker excludeId={project.pmId} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
