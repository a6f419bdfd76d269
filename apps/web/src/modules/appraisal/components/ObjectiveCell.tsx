import { Popover, Space, Table, Tag, Typography } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import type { Evidence, ObjectiveValue } from '../api';

/** How the two figures read for project items (on time of due, passed of rounds, spent of budget). */
const FIGURES = {
  projectSchedule: 'appraisal.objective.figuresBy.projectSchedule',
  projectQuality: 'appraisal.objective.figuresBy.projectQuality',
  projectCost: 'appraisal.objective.figuresBy.projectCost',
} as const;

function figure(value: number | null, unit: ObjectiveValue['unit']): string {
  if (value === null) return '—';
  if (unit === 'fen') return formatFen(value);
  if (unit === 'percent') return `${value.toFixed(2)}%`;
  return String(Number.isInteger(value) ? value : value.toFixed(2));
}

function EvidenceTable({ rows }: { rows: Evidence[] }) {
  const { t } = useTranslation();
  const loose = useLooseTranslation();
  const detail = (e: Evidence) => {
    if (!e.detail) return null;
    return Object.entries(e.detail)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${loose(`appraisal.evidenceDetail.${k}`, k)} ${k.endsWith('Fen') || k.endsWith('_fen') ? formatFen(v) : k.endsWith('_bp') ? `${(v! / 100).toFixed(2)}%` : v}`)
      .join('；');
  };
  return (
    <Table<Evidence>
      size="small"
      rowKey={(e) => `${e.kind}-${e.id}-${e.label}`}
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 520 }}
      columns={[
        { title: t('appraisal.evidence.kindTitle'), dataIndex: 'kind', width: 90, render: (k: Evidence['kind']) => <Tag>{t(`appraisal.evidence.${k}`)}</Tag> },
        { title: t('appraisal.evidence.what'), dataIndex: 'label', render: (_, e) => <Space direction="vertical" size={0}>{e.label || t('common.emptyValue')}{detail(e) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{detail(e)}</Typography.Text>}</Space> },
        { title: t('appraisal.evidence.date'), dataIndex: 'date', width: 100, render: (d: string | null) => d ?? '' },
        {
          title: t('appraisal.evidence.value'),
          dataIndex: 'value',
          width: 110,
          align: 'right',
          render: (v: number | null, e) => (v === null ? '' : e.kind === 'contract' || e.kind === 'project' ? formatFen(v) : e.kind === 'milestone' || e.kind === 'task' || e.kind === 'acceptance' ? (v ? t('appraisal.evidence.onTime') : t('appraisal.evidence.notOnTime')) : v),
        },
      ]}
    />
  );
}

/** An objective item: the computed score, the figures behind it and the evidence; or "no data" and why. */
export function ObjectiveCell({ value }: { value: ObjectiveValue | undefined }) {
  const { t } = useTranslation();
  const loose = useLooseTranslation();
  if (!value) return <Typography.Text type="secondary">{t('appraisal.source.manual')}</Typography.Text>;
  const figures =
    value.target !== null || value.actual !== null ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(FIGURES[value.source as keyof typeof FIGURES] ?? 'appraisal.objective.figures', { actual: figure(value.actual, value.unit), target: figure(value.target, value.unit) })}
        {value.attainmentPercent !== null ? ` · ${t('appraisal.objective.attainment', { pct: value.attainmentPercent.toFixed(2) })}` : ''}
      </Typography.Text>
    ) : null;
  return (
    <Space direction="vertical" size={0} data-testid="objective-cell">
      {value.score === null ? (
        <Tag color="default">{loose(value.noDataReason ?? '', t('appraisal.noData.generic'))}</Tag>
      ) : (
        <Typography.Text strong>{t('appraisal.objective.computed', { score: value.score.toFixed(2) })}</Typography.Text>
      )}
      {figures}
      {value.evidence.length > 0 && (
        <Popover content={<EvidenceTable rows={value.evidence} />} title={t('appraisal.evidence.title')} trigger="click">
          <Typography.Link style={{ fontSize: 12 }}>
            <DatabaseOutlined /> {t('appraisal.evidence.show', { count: value.evidence.length })}
          </Typography.Link>
        </Popover>
      )}
    </Space>
  );
}
