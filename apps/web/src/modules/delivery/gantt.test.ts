import { describe, expect, it } from 'vitest';
import { actualBar, barOf, ganttScale } from './gantt';

const span = (plannedStart: string, plannedEnd: string, actualStart: string | null = null, actualEnd: string | null = null) => ({ plannedStart, plannedEnd, actualStart, actualEnd });

describe('gantt layout', () => {
  it('covers every date and today with a margin, ticking by month for long plans', () => {
    const scale = ganttScale([span('2026-12-01', '2027-03-31')], '2027-01-20');
    expect(scale.start).toBe('2026-11-28');
    expect(scale.end).toBe('2027-04-04');
    expect(scale.ticks.map((t) => t.label)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    expect(scale.ticks[0]!.left).toBeCloseTo((100 * 3) / scale.days, 5);
  });

  it('ticks by week for short plans and stretches to today when it is later', () => {
    const scale = ganttScale([span('2027-01-04', '2027-01-20')], '2027-02-01');
    expect(scale.end).toBe('2027-02-05');
    expect(scale.ticks.every((t) => new Date(`${t.date}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('places bars by day, both ends included; an actual bar runs to today while under way', () => {
    const scale = ganttScale([span('2027-01-01', '2027-01-10')], '2027-01-05');
    expect(barOf(scale, '2026-12-29', '2026-12-29')).toEqual({ left: 0, width: 100 / scale.days });
    const bar = actualBar(scale, span('2027-01-01', '2027-01-10', '2027-01-02'), '2027-01-05')!;
    expect(bar.width).toBeCloseTo((100 * 4) / scale.days, 5);
    expect(actualBar(scale, span('2027-01-01', '2027-01-10'), '2027-01-05')).toBeNull();
  });
});
