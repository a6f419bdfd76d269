import type { CSSProperties } from 'react';
import { formatFen } from '../../../shared/money';

/** An amount in fen shown as ¥ with two decimals. */
export function Money({ fen, strong = false, danger = false, style }: { fen: number | null | undefined; strong?: boolean; danger?: boolean; style?: CSSProperties }) {
  return (
    <span className="money" style={{ fontWeight: strong ? 600 : undefined, color: danger ? '#cf1322' : undefined, ...style }}>
      {formatFen(fen)}
    </span>
  );
}
