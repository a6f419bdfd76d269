import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_STATUS_COLORS,
  LEAD_STATUS_COLORS,
  PRIORITY_COLORS,
  PROJECT_STATUS_COLORS,
  PROPOSAL_STATUS_COLORS,
  URGENCY_COLORS,
  isProjectStatus,
  type ContractStatus,
  type LeadStatus,
  type Priority,
  type ProposalStatus,
  type Urgency,
} from '../vocabulary';

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return <Tag color={LEAD_STATUS_COLORS[status]}>{t(`sales.leadStatus.${status}`)}</Tag>;
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROPOSAL_STATUS_COLORS[status]}>{t(`sales.proposalStatus.${status}`)}</Tag>;
}

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return <Tag color={CONTRACT_STATUS_COLORS[status]}>{t(`sales.contractStatus.${status}`)}</Tag>;
}

export function ProjectStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isProjectStatus(status)) return <Tag>{status}</Tag>;
  return <Tag color={PROJECT_STATUS_COLORS[status]}>{t(`sales.projectStatus.${status}`)}</Tag>;
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return <Tag color={URGENCY_COLORS[urgency]}>{t(`sales.urgency.${urgency}`)}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`sales.priority.${priority}`)}</Tag>;
}

/** A status of any sales record (the customer page lists leads, proposals, contracts and projects together). */
export function RecordStatusTag({ entity, status }: { entity: 'lead' | 'proposal' | 'contract' | 'project'; status: string }) {
  if (entity === 'lead') return <LeadStatusTag status={status as LeadStatus} />;
  if (entity === 'proposal') return <ProposalStatusTag status={status as ProposalStatus} />;
  if (entity === 'contract') return <ContractStatusTag status={status as ContractStatus} />;
  return <ProjectStatusTag status={status} />;
}
