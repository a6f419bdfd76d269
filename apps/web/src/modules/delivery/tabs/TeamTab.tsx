import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org';
import { RoleTag } from '../../../shared/components/tags';
import { formatDate } from '../../../shared/format';
import type { Role } from '@domain/shared/roles.js';
import { addMember, deliveryKeys, listMembers, removeMember, updateMember, type MemberDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';

type Values = { userId: number; projectRole: string; responsibilities?: string };

/** [3.2.1] the project team: who, in which project role, responsible for what; changes are kept. */
export default function TeamTab({ project }: TabProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<MemberDto | 'new' | null>(null);
  const query = useQuery({ queryKey: deliveryKeys.part(project.id, 'members'), queryFn: ({ signal }) => listMembers(project.id, signal) });
  const save = useDeliveryMutation(
    (v: Values) => (editing === 'new' ? addMember(project.id, v) : updateMember(project.id, (editing as MemberDto).id, { version: (editing as MemberDto).version, projectRole: v.projectRole, responsibilities: v.responsibilities ?? '' })),
    { form, success: t('delivery.team.saved'), onDone: () => setEditing(null) },
  );
  const remove = useDeliveryMutation((m: MemberDto) => removeMember(project.id, m.id), { success: t('delivery.team.saved') });
  const manage = project.can.manage;

  return (
    <Card
      className="page-card"
      title={t('delivery.team.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setEditing('new'); }} data-testid="member-add">
            {t('delivery.team.add')}
          </Button>
        )
      }
    >
      <Table
        size="middle"
        rowKey="id"
        loading={query.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[
          { id: 0, version: 0, projectId: project.id, userId: project.pmId, userName: project.pmName, userRole: '', departmentName: null, projectRole: t('delivery.team.pm'), responsibilities: '', joinedOn: project.actualStart ?? project.startDate, leftOn: null, active: true },
          ...(query.data?.items ?? []),
        ]}
        rowClassName={(m) => (m.active ? '' : 'row-inactive')}
        columns={[
          { title: t('delivery.team.user'), dataIndex: 'userName', render: (v: string, m) => <Space>{v}{m.userRole && <RoleTag role={m.userRole as Role} />}{!m.active && <Tag>{t('delivery.team.former')}</Tag>}</Space> },
          { title: t('delivery.team.role'), dataIndex: 'projectRole', render: (v: string, m) => (m.id === 0 ? <Tag color="blue">{v}</Tag> : v) },
          { title: t('delivery.team.responsibilities'), dataIndex: 'responsibilities' },
          { title: t('delivery.team.joined'), dataIndex: 'joinedOn', render: (v: string) => formatDate(v) },
          { title: t('delivery.team.left'), dataIndex: 'leftOn', render: (v: string | null) => formatDate(v) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, m: MemberDto) =>
                    m.id !== 0 && m.active ? (
                      <Space>
                        <a onClick={() => { form.setFieldsValue({ userId: m.userId, projectRole: m.projectRole, responsibilities: m.responsibilities }); setEditing(m); }}>{t('common.edit')}</a>
                        <a onClick={() => modal.confirm({ title: t('delivery.team.remove'), content: t('delivery.team.removeConfirm', { name: m.userName }), onOk: () => remove.mutateAsync(m) })}>{t('delivery.team.remove')}</a>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('delivery.team.add') : t('common.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'member-ok' } as ButtonProps} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="userId" label={t('delivery.team.user')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <UserPicker excludeId={project.pmId} />
          </Form.Item>
          <Form.Item name="projectRole" label={t('delivery.team.role')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input placeholder={t('delivery.team.rolePlaceholder')} maxLength={100} data-testid="member-role" />
          </Form.Item>
          <Form.Item name="responsibilities" label={t('delivery.team.responsibilities')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
