import type { CSSProperties } from 'react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = { value?: string | null; onChange?: (value: string | null) => void; id?: string; disabled?: boolean; style?: CSSProperties; notAfterToday?: boolean };

/** A date picker whose value is the API's 'YYYY-MM-DD' text; actual dates cannot lie after today. */
export function DateInput({ value, onChange, id, disabled, style, notAfterToday = false }: Props) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabled={disabled}
      disabledDate={notAfterToday ? (d) => d.isAfter(dayjs(), 'day') : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
