import type { CSSProperties } from 'react';
import { formatFen } from '../../../shared/money';

/** An amount in fen shown as ¥ with two decimals, digits aligned. */
export function Money({ fen, strong = false, style }: { fen: number | null | undefined; strong?: boolean; style?: CSSProperties }) {
  return (
    <span className="money" style={{ fontWeight: strong ? 600 : undefined, ...style }}>
      {formatFen(fen)}
    </span>
  );
}
