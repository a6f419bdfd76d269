import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { GRADE_COLORS } from '../vocabulary';

export type TrendSeries = { name: string; scores: (number | null)[] };

/** Final scores over periods, one line per person (the employee's history, or the team's trend). */
export function TrendChart({ periods, series, height = 280 }: { periods: string[]; series: TrendSeries[]; height?: number }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
    grid: { left: 40, right: 16, top: 24, bottom: series.length > 1 ? 40 : 24 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100, name: t('appraisal.chart.score') },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      data: s.scores,
      connectNulls: true,
      smooth: false,
      symbolSize: 8,
      label: { show: series.length === 1, position: 'top', formatter: (p: { value: number | null }) => (p.value === null ? '' : p.value.toFixed(2)) },
      markLine: series.length === 1 ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#f5222d' }, data: [{ yAxis: 60, label: { formatter: t('appraisal.chart.standard') } }] } : undefined,
    })),
  };
  return <EChart option={option} height={height} />;
}

/** How many employees got each grade; a second bar per grade when a "before calibration" count is given. */
export function GradeChart({ after, before, height = 260 }: { after: { grade: string; count: number }[]; before?: { grade: string; count: number }[]; height?: number }) {
  const { t } = useTranslation();
  const grades = after.map((g) => g.grade);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: before ? { bottom: 0 } : undefined,
    grid: { left: 36, right: 16, top: 24, bottom: before ? 40 : 24 },
    xAxis: { type: 'category', data: grades },
    yAxis: { type: 'value', minInterval: 1, name: t('appraisal.chart.people') },
    series: [
      ...(before ? [{ name: t('appraisal.calibration.before'), type: 'bar', data: before.map((g) => g.count), itemStyle: { color: '#d9d9d9' }, barGap: '10%' }] : []),
      {
        name: before ? t('appraisal.calibration.after') : t('appraisal.chart.people'),
        type: 'bar',
        data: after.map((g) => ({ value: g.count, itemStyle: { color: GRADE_COLORS[g.grade] ?? '#1677ff' } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return <EChart option={option} height={height} />;
}
