import { z } from 'zod';
import { isoDate } from '../shared/common.schema.js';
import { defineSetting } from '../settings/setting.def.js';

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};

/**
 * China's public holidays. 2026: the State Council's schedule (国办发明电〔2025〕7号) with its
 * adjusted working days. 2027: the statutory days only, until the State Council publishes the
 * year's schedule; an administrator then adds its adjusted days (a new version of the setting).
 */
const CHINA_HOLIDAYS = [
  ...days('2026-01-01', '2026-01-03'),
  ...days('2026-02-15', '2026-02-23'),
  ...days('2026-04-04', '2026-04-06'),
  ...days('2026-05-01', '2026-05-05'),
  ...days('2026-06-19', '2026-06-21'),
  ...days('2026-09-25', '2026-09-27'),
  ...days('2026-10-01', '2026-10-07'),
  '2027-01-01',
  ...days('2027-02-05', '2027-02-08'),
  '2027-04-05',
  ...days('2027-05-01', '2027-05-02'),
  '2027-06-09',
  '2027-09-15',
  ...days('2027-10-01', '2027-10-03'),
];
const CHINA_WORKDAYS = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

const dateList = z.array(isoDate).max(400);

/** The working-day calendar every deadline counted in working days uses (evaluation within 3 working days, recurring meetings, …). */
export const CALENDAR_SETTINGS = {
  'calendar.workCalendar': defineSetting({
    schema: z
      .strictObject({ holidays: dateList, workdays: dateList })
      .refine((c) => !c.holidays.some((d) => c.workdays.includes(d)), { message: 'field.calendarOverlap', path: ['workdays'] }),
    default: { holidays: CHINA_HOLIDAYS, workdays: CHINA_WORKDAYS },
    description: {
      zh: '工作日历：法定节假日与调休上班日（2026 年按国务院通知；2027 年暂列法定假日，调休安排公布后补充）',
      zhTW: '工作日曆：法定節假日與調休上班日（2026 年依國務院通知；2027 年暫列法定假日，調休安排公布後補充）',
      en: 'Work calendar: public holidays and the weekend days worked in their place (2026 per the State Council notice; 2027 statutory days only until its schedule is published)',
    },
  }),
};
