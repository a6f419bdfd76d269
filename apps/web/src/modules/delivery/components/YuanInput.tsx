import { Input } from 'antd';
import { useState } from 'react';
import { fenToYuanText } from '../../../shared/money';
import { yuanToFen } from '../money';

type Props = { value?: number | null; onChange?: (fen: number | null) => void; id?: string; placeholder?: string };

/** Yuan typed with at most two decimals; the form value is integer fen (null while not an amount). */
export function YuanInput({ value, onChange, id, placeholder }: Props) {
  const [text, setText] = useState(() => fenToYuanText(value));
  return (
    <Input
      id={id}
      prefix="¥"
      inputMode="decimal"
      placeholder={placeholder}
      value={yuanToFen(text) === (value ?? null) ? text : fenToYuanText(value)}
      onChange={(e) => {
        setText(e.target.value);
        onChange?.(yuanToFen(e.target.value));
      }}
    />
  );
}

/** antd rule: a positive amount in fen. */
export function amountRule(message: string) {
  return { validator: (_: unknown, v: number | null | undefined) => (typeof v === 'number' && v > 0 ? Promise.resolve() : Promise.reject(new Error(message))) };
}
