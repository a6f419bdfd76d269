import { useEffect, useState } from 'react';
import { InputNumber } from 'antd';
import { fenToYuanText, roundYuanTextToFen } from '../../../shared/money';

type Props = {
  /** Integer fen (what the API takes); the user types yuan. */
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

const group = (text: string) => {
  const [whole = '', frac] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** Yuan with two decimals in, integer fen out — no floating point on the way. */
export function MoneyInput({ value, onChange, id, placeholder, disabled, style, ...rest }: Props) {
  const [text, setText] = useState<string | null>(value === null || value === undefined ? null : fenToYuanText(value));

  // Follow a value set from outside (form reset, prefill) without fighting the user's typing.
  useEffect(() => {
    const current = text === null || text === '' ? null : roundYuanTextToFen(text);
    if (current !== (value ?? null)) setText(value === null || value === undefined ? null : fenToYuanText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <InputNumber<string>
      id={id}
      data-testid={rest['data-testid']}
      stringMode
      min="0"
      precision={2}
      prefix="¥"
      value={text}
      disabled={disabled}
      placeholder={placeholder}
      formatter={(v, info) => {
        if (v === undefined || v === null || v === '') return '';
        // A custom formatter replaces antd's own precision handling: show two decimals once the user is not typing.
        const fen = info.userTyping ? null : roundYuanTextToFen(String(v));
        return group(fen === null ? String(v) : fenToYuanText(fen));
      }}
      parser={(v) => (v ?? '').replace(/[,，\s¥￥]/g, '')}
      onBlur={() => {
        const fen = text === null || text === '' ? null : roundYuanTextToFen(text);
        if (fen !== null) setText(fenToYuanText(fen));
      }}
      onChange={(v) => {
        const next = v === null || v === '' ? null : String(v);
        setText(next);
        onChange?.(next === null ? null : roundYuanTextToFen(next));
      }}
      style={{ width: '100%', ...style }}
    />
  );
}
