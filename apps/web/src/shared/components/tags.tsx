import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@domain/shared/roles.js';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'volcano',
  manager: 'blue',
  deputy: 'geekblue',
  pm: 'cyan',
  specialist: 'green',
  hr: 'purple',
  leader: 'gold',
  marketing: 'magenta',
  finance: 'lime',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>;
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}
