import { useEffect, useMemo } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS } from '@domain/org/department.schema.js';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createDepartment, orgKeys, updateDepartment, type DepartmentDto, type DepartmentInput } from '../api';
import { DepartmentSelect } from './DepartmentSelect';
import { UserPicker } from './UserPicker';

export type DepartmentFormTarget = { mode: 'create'; parentId: number | null } | { mode: 'edit'; department: DepartmentDto };

type Values = {
  name: string;
  code?: string;
  kind: DepartmentDto['kind'];
  parentId?: number | null;
  managerId?: number | null;
  description?: string;
  sortOrder?: number | null;
};

type Props = { target: DepartmentFormTarget | null; onClose: () => void };

export function DepartmentFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const editing = target?.mode === 'edit' ? target.department : null;
  const idempotencyKey = useMemo(() => (target ? newIdempotencyKey() : ''), [target]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const d = target.department;
      form.setFieldsValue({ name: d.name, code: d.code ?? '', kind: d.kind, parentId: d.parentId, managerId: d.managerId, description: d.description, sortOrder: d.sortOrder });
    } else {
      form.setFieldsValue({ kind: 'business', parentId: target.parentId });
    }
  }, [target, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const input: DepartmentInput = {
        name: values.name,
        code: values.code?.trim() || undefined,
        kind: values.kind,
        parentId: values.parentId ?? null,
        managerId: values.managerId ?? null,
        description: values.description ?? '',
        sortOrder: values.sortOrder ?? undefined,
      };
      return editing ? updateDepartment(editing.id, { ...input, version: editing.version }) : createDepartment(input, idempotencyKey);
    },
    onSuccess: () => {
      void message.success(editing ? t('departments.updated') : t('departments.created'));
      void queryClient.invalidateQueries({ queryKey: orgKeys.departments });
      onClose();
    },
    onError: (err) =>
      handleError(err, {
        form,
        onConflict: () => {
          void queryClient.invalidateQueries({ queryKey: orgKeys.departments });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('departments.edit') : target?.mode === 'create' && target.parentId ? t('departments.createChild') : t('departments.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('departments.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="kind" label={t('departments.fields.kind')} rules={[{ required: true }]}>
              <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="parentId" label={t('departments.fields.parent')}>
              <DepartmentSelect excludeSubtreeOf={editing?.id} placeholder={t('departments.fields.parentNone')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="managerId" label={t('departments.fields.manager')}>
              <UserPicker initialLabel={editing?.managerName} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="code"
              label={t('departments.fields.code')}
              extra={t('departments.fields.codeHint')}
              rules={[{ pattern: /^[A-Za-z0-9_-]*$/, message: t('departments.fields.codeHint') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="sortOrder" label={t('departments.fields.sortOrder')}>
              <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('departments.fields.description')}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
