import { useState } from 'react';
import { Button, Card, Col, Row } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deliveryKeys, listProjectExpenses } from '../api';
import type { TabProps } from '../pages/ProjectDetailPage';
import { ExpenseTable } from '../components/ExpenseTable';
import { ClaimExpenseModal } from '../components/ClaimExpenseModal';
import { BudgetLinesCard } from '../components/BudgetLinesCard';

/** [3.2.5] cost control per budget line, and the project's claims. */
export default function ExpensesTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [claiming, setClaiming] = useState(false);
  const expenses = useQuery({ queryKey: deliveryKeys.part(project.id, 'expenses'), queryFn: ({ signal }) => listProjectExpenses(project.id, signal) });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <BudgetLinesCard project={project} last="remaining" />
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
