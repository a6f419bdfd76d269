import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, STATUS_COLORS, type AppraisalStatus } from '../vocabulary';

export function AppraisalStatusTag({ status }: { status: AppraisalStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`appraisal.status.${status}`)}</Tag>;
}

export function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useTranslation();
  if (!grade) return <span className="appraisal-muted">{t('common.emptyValue')}</span>;
  return (
    <Tag color={GRADE_COLORS[grade] ?? 'default'} style={{ fontWeight: 600, minWidth: 28, textAlign: 'center' }}>
      {grade}
    </Tag>
  );
}

export function LateTag({ late }: { late: boolean }) {
  const { t } = useTranslation();
  return late ? <Tag color="error">{t('appraisal.late')}</Tag> : null;
}

export function CycleStatusTag({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`appraisal.cycleStatus.${status}`)}</Tag>;
}

/** A score with two decimals, or a dash. */
export function Score({ value, strong = false }: { value: number | null | undefined; strong?: boolean }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <span className="appraisal-muted">{t('common.emptyValue')}</span>;
  return <span className={`appraisal-score${strong ? ' appraisal-score-strong' : ''}`}>{value.toFixed(2)}</span>;
}
