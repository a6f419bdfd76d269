import { useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import type { ExpenseDto } from '../api';
import { fileUrl } from '../api';
import { Money } from './Money';
import { ExpenseStatusTag } from './tags';
import { ExpenseDecision, type ExpenseDecisionKind } from './ExpenseDecision';

type Props = { items: ExpenseDto[] | undefined; loading: boolean; showProject?: boolean; onOpen?: (e: ExpenseDto) => void };

/** Claims with their receipts, where each stands, and the decisions open to the user. */
export function ExpenseTable({ items, loading, showProject = false, onOpen }: Props) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<{ expense: ExpenseDto; kind: ExpenseDecisionKind } | null>(null);
  return (
    <>
      <Table
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('delivery.expense.code'), dataIndex: 'code', render: (v: string, e) => (onOpen ? <a onClick={() => onOpen(e)} className="mono">{v}</a> : <span className="mono">{v}</span>) },
          ...(showProject ? [{ title: t('delivery.expense.project'), dataIndex: 'projectName', render: (v: string, e: ExpenseDto) => <Link to={`/projects/${e.projectId}?tab=expenses`}>{v}</Link> }] : []),
          { title: t('delivery.expense.claimant'), dataIndex: 'claimantName' },
          { title: t('delivery.expense.description'), dataIndex: 'description', render: (v: string, e) => <><div>{v}</div><div className="muted">{t(`delivery.expense.categories.${e.category}`)} · {e.budgetLineItem} · {formatDate(e.expenseDate)}</div></> },
          { title: t('delivery.expense.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number, e) => <Space direction="vertical" size={0} align="end"><Money fen={v} strong />{e.overBudget && <Tag color="red">{t('delivery.expense.overBudget')}</Tag>}</Space> },
          { title: t('delivery.expense.receipts'), dataIndex: 'receipts', render: (r: ExpenseDto['receipts']) => r.map((f) => <div key={f.id}><a href={fileUrl(f.id)} target="_blank" rel="noreferrer">{f.name}</a></div>) },
          {
            title: t('delivery.plan.status'),
            dataIndex: 'status',
            render: (v: ExpenseDto['status'], e) => (
              <Space direction="vertical" size={0}>
                <ExpenseStatusTag status={v} />
                {e.rejectReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('delivery.expense.rejectReason', { reason: e.rejectReason })}</Typography.Text>}
                {e.paidOn && <span className="muted">{formatDate(e.paidOn)}</span>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, e) => (
              <Space>
                {e.actions.includes('approve') && <a onClick={() => setDecision({ expense: e, kind: 'approve' })} data-testid={`expense-approve-${e.id}`}>{t('delivery.expense.approve')}</a>}
                {e.actions.includes('pay') && <a onClick={() => setDecision({ expense: e, kind: 'pay' })} data-testid={`expense-pay-${e.id}`}>{t('delivery.expense.pay')}</a>}
                {e.actions.includes('reject') && <a onClick={() => setDecision({ expense: e, kind: 'reject' })} data-testid={`expense-reject-${e.id}`}>{t('delivery.expense.reject')}</a>}
              </Space>
            ),
          },
        ]}
      />
      <ExpenseDecision expense={decision?.expense ?? null} kind={decision?.kind ?? 'approve'} onClose={() => setDecision(null)} />
    </>
  );
}
