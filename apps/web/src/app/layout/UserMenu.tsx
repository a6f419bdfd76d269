import { Avatar, Dropdown, Flex, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../auth-context';
import { avatarText } from '../../shared/avatar-text';

/** The signed-in user: profile, change password, sign out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('menu.profile') },
          { key: 'password', icon: <KeyOutlined />, label: t('menu.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/profile');
          else if (key === 'password') navigate('/change-password');
          else void logout().then(() => navigate('/login'));
        },
      }}
    >
      <Flex align="center" gap={8} className="user-menu" data-testid="user-menu" role="button" tabIndex={0}>
        <Avatar style={{ background: '#1677ff', fontSize: 13 }}>
          {avatarText(user.name)}
        </Avatar>
        {!compact && (
          <Flex vertical className="user-menu-text">
            <Typography.Text strong>{user.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`roles.${user.role}`)}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </Dropdown>
  );
}
