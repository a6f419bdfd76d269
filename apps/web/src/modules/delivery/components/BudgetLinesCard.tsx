import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../api';
import { Money } from './Money';
import { UsageBar } from './UsageBar';

type Props = {
  project: ProjectDto;
  /** The overview compares with the plan (variance); the expenses tab shows what is left to claim. */
  last: 'variance' | 'remaining';
  className?: string;
};

/** Budget vs actual per budget line, with the usage bar that warns at the threshold in the settings. */
export function BudgetLinesCard({ project, last, className = 'page-card' }: Props) {
  const { t } = useTranslation();
  const lastKey = last === 'variance' ? 'varianceFen' : 'remainingFen';
  return (
    <Card className={className} title={t('delivery.overview.budgetLines')} extra={<span className="muted">{t('delivery.line.warningHint', { pct: project.cost.warningPct })}</span>}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.budgetLines}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('delivery.line.item'), dataIndex: 'item' },
          { title: t('delivery.line.budget'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          { title: t('delivery.line.spent'), dataIndex: 'spentFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          { title: t('delivery.line.committed'), dataIndex: 'committedFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          { title: t(`delivery.line.${last}`), dataIndex: lastKey, align: 'right', render: (v: number) => <Money fen={v} danger={v < 0} /> },
          { title: t('delivery.line.usage'), width: 200, render: (_, l) => <UsageBar usedFen={l.usedFen} budgetFen={l.amountFen} pct={l.usagePct} level={l.level} /> },
        ]}
      />
    </Card>
  );
}
