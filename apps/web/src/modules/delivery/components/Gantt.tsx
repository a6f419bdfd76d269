import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MilestoneViewDto, TaskDto } from '../api';
import { actualBar, barOf, ganttScale } from '../gantt';
import { formatDate } from '../../../shared/format';

type Props = { milestones: MilestoneViewDto[]; tasks: TaskDto[]; today: string };

type Row = { key: string; label: string; sub: string; milestone: boolean; plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null; progress: number; late: boolean; done: boolean };

/** Plan against actual per milestone and task: the planned bar, the actual bar with its progress, and today's line. */
export function Gantt({ milestones, tasks, today }: Props) {
  const { t } = useTranslation();
  const rows: Row[] = milestones.flatMap((m) => [
    { key: `m${m.id}`, label: m.name, sub: m.deliverable, milestone: true, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd, actualStart: m.actualStart ?? tasks.filter((x) => x.milestoneId === m.id && x.actualStart).map((x) => x.actualStart!).sort()[0] ?? null, actualEnd: m.actualEnd, progress: m.progress, late: m.daysLate > 0, done: m.status === 'done' },
    ...tasks
      .filter((x) => x.milestoneId === m.id)
      .map((x) => ({ key: `t${x.id}`, label: x.name, sub: x.ownerName, milestone: false, plannedStart: x.plannedStart, plannedEnd: x.plannedEnd, actualStart: x.actualStart, actualEnd: x.actualEnd, progress: x.progress, late: x.daysLate > 0, done: x.status === 'done' })),
  ]);
  if (rows.length === 0) return null;
  const scale = ganttScale(rows, today);
  const todayLeft = barOf(scale, today, today).left;
  return (
    <div className="gantt" data-testid="gantt">
      <div className="gantt-row gantt-head">
        <div className="gantt-label" />
        <div className="gantt-track">
          {scale.ticks.map((tick) => (
            <span key={tick.date} className="gantt-tick" style={{ left: `${tick.left}%`, transform: tick.left > 94 ? 'translateX(-100%)' : undefined }}>
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      {rows.map((r) => {
        const planned = barOf(scale, r.plannedStart, r.plannedEnd);
        const actual = actualBar(scale, r, today);
        const tone = r.done ? (r.late ? 'late' : 'done') : r.late ? 'late' : 'active';
        return (
          <div key={r.key} className={`gantt-row ${r.milestone ? 'gantt-milestone' : 'gantt-task'}`}>
            <div className="gantt-label">
              <Typography.Text strong={r.milestone} ellipsis={{ tooltip: r.label }}>
                {r.label}
              </Typography.Text>
              {r.sub && <div className="gantt-sub">{r.sub}</div>}
            </div>
            <div className="gantt-track">
              {scale.ticks.map((tick) => (
                <span key={tick.date} className="gantt-grid" style={{ left: `${tick.left}%` }} />
              ))}
              <Tooltip title={`${t('delivery.plan.legendPlanned')} ${formatDate(r.plannedStart)} ～ ${formatDate(r.plannedEnd)}`}>
                <div className="gantt-planned" style={{ left: `${planned.left}%`, width: `${planned.width}%` }} />
              </Tooltip>
              {actual && (
                <Tooltip title={`${t('delivery.plan.legendActual')} ${formatDate(r.actualStart)} ～ ${r.actualEnd ? formatDate(r.actualEnd) : '…'} · ${r.progress}%`}>
                  <div className={`gantt-actual gantt-${tone}`} style={{ left: `${actual.left}%`, width: `${actual.width}%` }}>
                    <div className="gantt-fill" style={{ width: `${r.done ? 100 : r.progress}%` }} />
                  </div>
                </Tooltip>
              )}
              <span className="gantt-today" style={{ left: `${todayLeft}%` }} />
            </div>
          </div>
        );
      })}
      <div className="gantt-legend">
        <span><i className="gantt-key gantt-key-planned" />{t('delivery.plan.legendPlanned')}</span>
        <span><i className="gantt-key gantt-key-actual" />{t('delivery.plan.legendActual')}</span>
        <span><i className="gantt-key gantt-key-late" />{t('delivery.milestone.statuses.overdue')}</span>
        <span><i className="gantt-key gantt-key-today" />{t('delivery.plan.legendToday')}</span>
      </div>
    </div>
  );
}
