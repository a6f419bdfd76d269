import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';

const COLORS = { ok: '#1677ff', warning: '#faad14', over: '#ff4d4f' } as const;

/** Budget line usage: spent and committed against the budget, coloured by the warning level. */
export function UsageBar({ usedFen, budgetFen, pct, level }: { usedFen: number; budgetFen: number; pct: number | null; level: keyof typeof COLORS }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t(`delivery.line.levels.${level}`)} · ${formatFen(usedFen)} / ${formatFen(budgetFen)}`}>
      <Progress percent={Math.min(100, pct ?? (usedFen > 0 ? 100 : 0))} format={() => `${pct ?? '—'}%`} strokeColor={COLORS[level]} size="small" status={level === 'over' ? 'exception' : 'normal'} />
    </Tooltip>
  );
}
