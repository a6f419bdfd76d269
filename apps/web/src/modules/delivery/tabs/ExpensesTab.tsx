import { useState } from 'react';
import { Button, Card, Col, Row, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deliveryKeys, listProjectExpenses } from '../api';
import type { TabProps } from '../pages/ProjectDetailPage';
import { ExpenseTable } from '../components/ExpenseTable';
import { ClaimExpenseModal } from '../components/ClaimExpenseModal';
import { Money } from '../components/Money';
import { UsageBar } from '../components/UsageBar';

/** [3.2.5] cost control per budget line, and the project's claims. */
export default function ExpensesTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [claiming, setClaiming] = useState(false);
  const expenses = useQuery({ queryKey: deliveryKeys.part(project.id, 'expenses'), queryFn: ({ signal }) => listProjectExpenses(project.id, signal) });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card className="page-card" title={t('delivery.overview.budgetLines')} extra={<span className="muted">{t('delivery.line.warningHint', { pct: project.cost.warningPct })}</span>}>
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
              { title: t('delivery.line.remaining'), dataIndex: 'remainingFen', align: 'right', render: (v: number) => <Money fen={v} danger={v < 0} /> },
              { title: t('delivery.line.usage'), width: 200, render: (_, l) => <UsageBar usedFen={l.usedFen} budgetFen={l.amountFen} pct={l.usagePct} level={l.level} /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          className="page-card"
          title={t('delivery.detail.tabs.expenses')}
          extra={project.can.claimExpense && <Button type="primary" icon={<PlusOutlined />} onClick={() => setClaiming(true)} data-testid="expense-claim">{t('delivery.expense.claim')}</Button>}
        >
          <ExpenseTable items={expenses.data?.items} loading={expenses.isPending} />
        </Card>
      </Col>
      <ClaimExpenseModal project={project} open={claiming} onClose={() => setClaiming(false)} />
    </Row>
  );
}
