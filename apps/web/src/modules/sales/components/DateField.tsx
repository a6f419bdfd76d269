import { DatePicker } from 'antd';
import dayjs from 'dayjs';

type Props = {
  /** 'YYYY-MM-DD', as the API stores dates. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
};

/** A date picker whose value is the API's 'YYYY-MM-DD' text. */
export function DateField({ value, onChange, id, placeholder, disabled, style }: Props) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      placeholder={placeholder}
      disabled={disabled}
      style={{ width: '100%', ...style }}
    />
  );
}
