import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '@domain/delivery/project.machine.js';
import type { HealthLevel } from '@domain/delivery/health.rules.js';
import type { ExpenseStatus } from '@domain/delivery/expense.machine.js';
import type { IssueSeverity, IssueStatus } from '@domain/delivery/issue.machine.js';
import type { ChangeStatus } from '@domain/delivery/change.machine.js';

const PROJECT_COLORS: Record<ProjectStatus, string> = {
  planning: 'default',
  executing: 'processing',
  internal_acceptance: 'purple',
  customer_acceptance: 'geekblue',
  settlement: 'gold',
  closed: 'success',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROJECT_COLORS[status]}>{t(`delivery.status.${status}`)}</Tag>;
}

const HEALTH_COLORS: Record<HealthLevel, string> = { green: '#52c41a', amber: '#faad14', red: '#ff4d4f' };

/** A coloured dot with 正常 / 关注 / 预警; the factors that made it so in the tooltip. */
export function HealthTag({ level, factors }: { level: HealthLevel | null; factors?: { factor: string; level: string }[] }) {
  const { t } = useTranslation();
  const text = level ? t(`delivery.health.${level}`) : t('delivery.health.unrated');
  const dot = (
    <span className={`health health-${level ?? 'none'}`} data-testid="health">
      <span className="health-dot" style={{ background: level ? HEALTH_COLORS[level] : '#d9d9d9' }} />
      {text}
    </span>
  );
  if (!factors?.length) return dot;
  return <Tooltip title={factors.map((f) => t(`delivery.healthFactor.${f.factor as 'schedule'}`)).join('；')}>{dot}</Tooltip>;
}

export const HEALTH_COLOR = HEALTH_COLORS;

const EXPENSE_COLORS: Record<ExpenseStatus, string> = { submitted: 'processing', pm_approved: 'blue', approved: 'gold', paid: 'success', rejected: 'error' };

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { t } = useTranslation();
  return <Tag color={EXPENSE_COLORS[status]}>{t(`delivery.expense.statuses.${status}`)}</Tag>;
}

const SEVERITY_COLORS: Record<IssueSeverity, string> = { low: 'default', medium: 'blue', high: 'orange', major: 'red' };

export function SeverityTag({ severity }: { severity: IssueSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`delivery.issue.severities.${severity}`)}</Tag>;
}

const ISSUE_COLORS: Record<IssueStatus, string> = { open: 'processing', escalated: 'red', decided: 'purple', closed: 'success' };

export function IssueStatusTag({ status }: { status: IssueStatus }) {
  const { t } = useTranslation();
  return <Tag color={ISSUE_COLORS[status]}>{t(`delivery.issue.statuses.${status}`)}</Tag>;
}

const CHANGE_COLORS: Record<ChangeStatus, string> = { submitted: 'processing', approved: 'success', rejected: 'error' };

export function ChangeStatusTag({ status }: { status: ChangeStatus }) {
  const { t } = useTranslation();
  return <Tag color={CHANGE_COLORS[status]}>{t(`delivery.change.statuses.${status}`)}</Tag>;
}

const MILESTONE_COLORS = { not_started: 'default', in_progress: 'processing', done: 'success', overdue: 'error' } as const;

export function MilestoneStatusTag({ status }: { status: keyof typeof MILESTONE_COLORS }) {
  const { t } = useTranslation();
  return <Tag color={MILESTONE_COLORS[status]}>{t(`delivery.milestone.statuses.${status}`)}</Tag>;
}
