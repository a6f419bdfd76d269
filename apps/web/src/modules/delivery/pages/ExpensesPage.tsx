import { Card, Descriptions, Drawer, Tabs, Timeline } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { useAccess } from '../../../shared/hooks/useAccess';
import { deliveryKeys, fileUrl, getExpense, listExpenses, type ExpenseListParams } from '../api';
import { ExpenseTable } from '../components/ExpenseTable';
import { ExpenseStatusTag } from '../components/tags';
import { Money } from '../components/Money';
import '../delivery.css';

type View = 'todo' | 'claimed' | 'all';

/** One claim with its receipts and the approval timeline. */
function ExpenseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: deliveryKeys.expense(id ?? 0), queryFn: ({ signal }) => getExpense(id!, signal), enabled: id !== null });
  const e = query.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={560} title={e ? `${e.code} · ${e.projectName}` : ''} loading={query.isPending}>
      {e && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('delivery.plan.status')}><ExpenseStatusTag status={e.status} /></Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.project')}><Link to={`/projects/${e.projectId}?tab=expenses`}>{e.projectName}</Link></Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.claimant')}>{e.claimantName}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.line')}>{e.budgetLineItem}（{t('delivery.expense.lineUsage', { used: formatFen(e.line.spentFen + e.line.committedFen), budget: formatFen(e.line.budgetFen) })}）</Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.category')}>{t(`delivery.expense.categories.${e.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.amount')}><Money fen={e.amountFen} strong /></Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.date')}>{formatDate(e.expenseDate)}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.description')}>{e.description}</Descriptions.Item>
            <Descriptions.Item label={t('delivery.expense.receipts')}>{e.receipts.map((f) => <div key={f.id}><a href={fileUrl(f.id)} target="_blank" rel="noreferrer">{f.name}</a></div>)}</Descriptions.Item>
            {e.overBudgetApprovedByName && <Descriptions.Item label={t('delivery.expense.overBudget')}>{e.overBudgetApprovedByName}</Descriptions.Item>}
            {e.rejectReason && <Descriptions.Item label={t('delivery.expense.reason')}>{e.rejectReason}（{e.rejectedByName}）</Descriptions.Item>}
            {e.paidOn && <Descriptions.Item label={t('delivery.expense.paidOn')}>{formatDate(e.paidOn)}（{e.paidByName}）</Descriptions.Item>}
          </Descriptions>
          {e.approval && (
            <Card size="small" title={t('delivery.expense.timeline')} style={{ marginTop: 16 }}>
              <Timeline
                items={e.approval.events.map((ev) => ({
                  color: ev.kind === 'returned' ? 'red' : ev.kind === 'approved' ? 'green' : 'blue',
                  children: (
                    <>
                      <div>{t(`workbench.event.${ev.kind}`, { actor: ev.actorName ?? '', target: ev.targetUserName ?? '' })}</div>
                      <div className="muted">{formatDateTime(ev.at)}{ev.comment ? ` · ${ev.comment}` : ''}</div>
                    </>
                  ),
                }))}
              />
            </Card>
          )}
        </>
      )}
    </Drawer>
  );
}

/** Claims across projects: waiting for me, mine, and (for those who see them) all. */
export default function ExpensesPage() {
  const { t } = useTranslation();
  const { role } = useAccess();
  const [search, setSearch] = useSearchParams();
  const view = (search.get('view') as View | null) ?? 'todo';
  const opened = search.get('id') ? Number(search.get('id')) : null;
  const params: ExpenseListParams = { page: 1, pageSize: 200, ...(view === 'all' ? {} : { mine: view }) };
  const query = useQuery({ queryKey: [...deliveryKeys.expenses, view], queryFn: ({ signal }) => listExpenses(params, signal) });
  const set = (key: string, value: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const views: View[] = role === 'finance' ? ['todo', 'all'] : ['todo', 'claimed', 'all'];
  return (
    <>
      <PageHeader title={t('delivery.expense.pageTitle')} subtitle={t('delivery.expense.pageSubtitle')} />
      <Card className="page-card">
        <Tabs activeKey={view} onChange={(k) => set('view', k)} items={views.map((v) => ({ key: v, label: t(`delivery.expense.tabs.${v}`) }))} />
        <ExpenseTable items={query.data?.items} loading={query.isPending} showProject onOpen={(e) => set('id', String(e.id))} />
      </Card>
      <ExpenseDrawer id={opened} onClose={() => set('id', null)} />
    </>
  );
}
