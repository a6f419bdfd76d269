import { useEffect, useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ROLES, type Role } from '@domain/shared/roles.js';
import { newIdempotencyKey } from '../../../app/api-client';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createUser, orgKeys, updateUser, type UserCreated, type UserDto, type UserInput } from '../api';
import { DepartmentSelect } from './DepartmentSelect';
import { UserPicker } from './UserPicker';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserDto };

type Values = {
  username?: string;
  password?: string;
  name: string;
  role: Role;
  departmentId?: number | null;
  positionTitle?: string;
  supervisorId?: number | null;
  businessAreas?: string[];
  customerFacing?: boolean;
  hireDate?: Dayjs | null;
  email?: string;
  phone?: string;
};

type Props = {
  target: UserFormTarget | null;
  onClose: () => void;
  /** After a save (on create, `created` holds the temporary password the server generated, if any) or a conflict. */
  onChanged: (created: UserCreated | null) => void;
};

const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

export function UserFormModal({ target, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const editing = target?.mode === 'edit' ? target.user : null;
  const idempotencyKey = useMemo(() => (target ? newIdempotencyKey() : ''), [target]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        name: u.name,
        role: u.role,
        departmentId: u.departmentId,
        positionTitle: u.positionTitle ?? '',
        supervisorId: u.supervisorId,
        businessAreas: u.businessAreas,
        customerFacing: u.customerFacing,
        hireDate: u.hireDate ? dayjs(u.hireDate) : null,
        email: u.email ?? '',
        phone: u.phone ?? '',
      });
    } else {
      form.setFieldsValue({ role: 'specialist', customerFacing: false, businessAreas: [] });
    }
  }, [target, form]);

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const input: UserInput = {
        name: values.name.trim(),
        role: values.role,
        departmentId: values.departmentId ?? null,
        positionTitle: values.positionTitle?.trim() || null,
        supervisorId: values.supervisorId ?? null,
        businessAreas: values.businessAreas ?? [],
        customerFacing: values.customerFacing ?? false,
        hireDate: values.hireDate ? values.hireDate.format('YYYY-MM-DD') : null,
        email: values.email?.trim() || null,
        phone: values.phone?.trim() || null,
      };
      if (editing) return { created: null, user: await updateUser(editing.id, { ...input, version: editing.version }) };
      const created = await createUser({ ...input, username: values.username!.trim(), password: values.password || undefined }, idempotencyKey);
      return { created, user: created };
    },
    onSuccess: ({ created }) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.users });
      void queryClient.invalidateQueries({ queryKey: orgKeys.departments });
      void message.success(editing ? t('users.updated') : t('users.created'));
      onClose();
      onChanged(created);
    },
    onError: (err) =>
      handleError(err, {
        form,
        onConflict: () => {
          onClose();
          onChanged(null);
        },
      }),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('users.edit') : t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} data-testid="user-form">
        <Row gutter={16}>
          {!editing && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="username"
                  label={t('users.fields.username')}
                  extra={t('users.fields.usernameHint')}
                  rules={[{ required: true, whitespace: true }, { pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: t('users.fields.usernameHint') }]}
                >
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="password" label={t('users.fields.password')} extra={t('users.fields.passwordHint')} rules={[{ pattern: PASSWORD_RULE, message: t('password.rule') }]}>
                  <Input.Password autoComplete="new-password" maxLength={128} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('users.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t('users.fields.role')} rules={[{ required: true }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="departmentId" label={t('users.fields.department')}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="positionTitle" label={t('users.fields.position')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="supervisorId" label={t('users.fields.supervisor')}>
              <UserPicker initialLabel={editing?.supervisorName} excludeId={editing?.id} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="hireDate" label={t('users.fields.hireDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('users.fields.email')} rules={[{ type: 'email', message: t('profile.emailInvalid') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('users.fields.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, message: t('profile.phoneInvalid') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="businessAreas" label={t('users.fields.businessAreas')} extra={t('users.fields.businessAreasHint')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="customerFacing" label={t('users.fields.customerFacing')} valuePropName="checked" extra={t('users.fields.customerFacingHint')}>
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
