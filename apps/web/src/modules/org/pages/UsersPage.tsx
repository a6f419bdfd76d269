import { useRef, useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role } from '@domain/shared/roles.js';
import { useCurrentUser } from '../../../app/auth-context';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { SecretModal } from '../../../shared/components/SecretModal';
import { ActiveTag, RoleTag } from '../../../shared/components/tags';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listUsers, orgKeys, resetUserPassword, setUserActive, type UserDto, type UserListParams } from '../api';
import { DepartmentSelect } from '../components/DepartmentSelect';
import { UserFormModal, type UserFormTarget } from '../components/UserFormModal';

type Search = { q?: string; role?: Role; departmentId?: number; active?: 'true' | 'false' };
type Secret = { name: string; username: string; password: string };

function sortParam(sort: Record<string, 'ascend' | 'descend' | null>): string | undefined {
  const [key, order] = Object.entries(sort).find(([, o]) => o) ?? [];
  if (!key || !order) return undefined;
  return order === 'descend' ? `-${key}` : key;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canCreate = useCan('user.create');
  const canUpdate = useCan('user.update');
  const canDeactivate = useCan('user.deactivate');
  const canReset = useCan('user.resetPassword');
  const manages = canCreate || canUpdate;
  const isMobile = useIsMobile();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(undefined);
  const [target, setTarget] = useState<UserFormTarget | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);

  const refresh = () => {
    void actionRef.current?.reload();
    void queryClient.invalidateQueries({ queryKey: orgKeys.users });
  };

  async function toggleActive(user: UserDto) {
    try {
      const saved = await setUserActive(user, !user.active);
      void message.success(saved.active ? t('users.activated') : t('users.deactivated'));
      refresh();
    } catch (err) {
      handleError(err, { onConflict: refresh });
    }
  }

  async function resetPassword(user: UserDto) {
    try {
      const result = await resetUserPassword(user);
      refresh();
      if (result.temporaryPassword) setSecret({ name: user.name, username: user.username, password: result.temporaryPassword });
    } catch (err) {
      handleError(err, { onConflict: refresh });
    }
  }

  const columns: ProColumns<UserDto>[] = [
    {
      title: t('users.keyword'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('users.keywordPlaceholder') },
    },
    {
      title: t('users.fields.name'),
      dataIndex: 'name',
      search: false,
      sorter: true,
      defaultSortOrder: 'ascend',
      render: (_, u) => (
        <Space direction="vertical" size={2}>
          <Link to={`/org/users/${u.id}`}>
            <Typography.Text strong>{u.name}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.username}
          </Typography.Text>
          {isMobile && (
            <Space size={4} wrap>
              <RoleTag role={u.role} />
              {!u.active && <ActiveTag active={false} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[u.departmentName, u.positionTitle].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Space>
          )}
        </Space>
      ),
    },
    {
      title: t('users.fields.role'),
      dataIndex: 'role',
      valueType: 'select',
      sorter: true,
      valueEnum: Object.fromEntries(ROLES.map((r) => [r, { text: t(`roles.${r}`) }])),
      responsive: ['md'],
      render: (_, u) => <RoleTag role={u.role} />,
    },
    {
      title: t('users.fields.department'),
      dataIndex: 'departmentId',
      renderFormItem: () => <DepartmentSelect />,
      responsive: ['md'],
      render: (_, u) => u.departmentName ?? t('common.emptyValue'),
    },
    { title: t('users.fields.position'), dataIndex: 'positionTitle', search: false, responsive: ['md'], render: (_, u) => u.positionTitle ?? t('common.emptyValue') },
    { title: t('users.fields.supervisor'), dataIndex: 'supervisorName', search: false, responsive: ['xl'], render: (_, u) => u.supervisorName ?? t('common.emptyValue') },
    {
      title: t('users.fields.contact'),
      dataIndex: 'email',
      search: false,
      responsive: ['lg'],
      render: (_, u) =>
        u.email || u.phone ? (
          <Space direction="vertical" size={0}>
            {u.email && <Typography.Text copyable={{ text: u.email }}>{u.email}</Typography.Text>}
            {u.phone && <Typography.Text type="secondary">{u.phone}</Typography.Text>}
          </Space>
        ) : (
          t('common.emptyValue')
        ),
    },
    {
      title: t('users.fields.status'),
      dataIndex: 'active',
      valueType: 'select',
      initialValue: manages ? undefined : 'true',
      hideInSearch: !manages,
      responsive: ['sm'],
      valueEnum: { true: { text: t('common.active') }, false: { text: t('common.inactive') } },
      render: (_, u) => (
        <Space size={4} wrap>
          <ActiveTag active={u.active} />
          {manages && u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.fields.lastLogin'),
      dataIndex: 'lastLoginAt',
      search: false,
      sorter: true,
      hideInTable: !manages,
      responsive: ['md'],
      render: (_, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
  ];
  if (canUpdate || canDeactivate || canReset) {
    columns.push({
      title: t('common.actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, u) => [
        canUpdate && (
          <Button key="edit" type="link" size="small" onClick={() => setTarget({ mode: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
        ),
        canReset && u.active && (
          <Popconfirm key="reset" title={t('users.resetConfirm', { name: u.name })} onConfirm={() => resetPassword(u)} styles={{ root: { maxWidth: 320 } }}>
            <Button type="link" size="small">
              {t('users.resetPassword')}
            </Button>
          </Popconfirm>
        ),
        canDeactivate && u.id !== me.id && (
          <Popconfirm
            key="active"
            title={u.active ? t('users.deactivateConfirm', { name: u.name }) : t('users.activateConfirm', { name: u.name })}
            onConfirm={() => toggleActive(u)}
            styles={{ root: { maxWidth: 320 } }}
          >
            <Button type="link" size="small" danger={u.active}>
              {u.active ? t('users.deactivate') : t('users.activate')}
            </Button>
          </Popconfirm>
        ),
      ],
    });
  }

  return (
    <>
      <PageHeader
        title={manages ? t('users.title') : t('users.directoryTitle')}
        subtitle={manages ? t('users.subtitle') : t('users.directorySubtitle')}
      />
      <ProTable<UserDto, Search>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        size="middle"
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        form={{ syncToUrl: false }}
        options={{ density: false, setting: true, reload: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <EmptyState title={t('users.empty')} /> }}
        toolBarRender={() =>
          canCreate
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
                  {t('users.create')}
                </Button>,
              ]
            : []
        }
        onRequestError={(err) => handleError(err)}
        request={async (params, sort) => {
          const query: UserListParams = {
            page: params.current ?? 1,
            pageSize: params.pageSize ?? 20,
            q: params.q?.trim() || undefined,
            role: params.role,
            departmentId: params.departmentId,
            active: params.active,
            sort: sortParam(sort),
          };
          const res = await listUsers(query);
          return { data: res.items, total: res.total, success: true };
        }}
      />
      <UserFormModal
        target={target}
        onClose={() => setTarget(null)}
        onChanged={(created) => {
          void actionRef.current?.reload();
          if (created?.temporaryPassword) setSecret({ name: created.name, username: created.username, password: created.temporaryPassword });
        }}
      />
      <SecretModal
        title={t('users.tempPasswordTitle')}
        body={secret ? t('users.tempPasswordBody', { name: secret.name, username: secret.username }) : ''}
        secret={secret?.password ?? null}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
