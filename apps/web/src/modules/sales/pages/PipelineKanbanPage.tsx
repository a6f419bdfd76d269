import { useState } from 'react';
import { Card, Empty, Flex, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useCan } from '../../../shared/hooks/useAccess';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { listLeads, listProposals, salesKeys, type LeadDto, type ProposalDto } from '../api';
import { formatFen, sumFen } from '../../../shared/money';
import { Money } from '../components/Money';
import { UrgencyTag } from '../components/StatusTags';
import { KANBAN_LEAD_STATUSES, KANBAN_PROPOSAL_STATUSES, LEAD_STATUS_COLORS, PROPOSAL_STATUS_COLORS } from '../vocabulary';
import '../sales.css';

const LIMIT = 200;

function daysIn(iso: string): number {
  return Math.max(0, dayjs().startOf('day').diff(dayjs(iso).startOf('day'), 'day'));
}

type Column<T> = { key: string; title: string; color: string; items: T[] };

const SHOWN_PER_COLUMN = 6;

function Board<T extends { id: number }>({ columns, value, render, listPath }: { columns: Column<T>[]; value: (item: T) => number; render: (item: T) => React.ReactNode; listPath: string }) {
  const { t } = useTranslation();
  return (
    <div className="kanban" data-testid="kanban">
      {columns.map((col) => (
        <div key={col.key} className="kanban-column" data-testid={`kanban-${col.key}`}>
          <div className={`kanban-column-head kanban-${col.color}`}>
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{col.title}</Typography.Text>
              <Tag>{col.items.length}</Tag>
            </Flex>
            <div className="kanban-column-sum">{formatFen(col.items.reduce((s, i) => s + value(i), 0))}</div>
          </div>
          <div className="kanban-cards">
            {col.items.length === 0 ? <div className="kanban-empty">{t('sales.kanban.emptyColumn')}</div> : col.items.slice(0, SHOWN_PER_COLUMN).map((item) => <div key={item.id}>{render(item)}</div>)}
            {col.items.length > SHOWN_PER_COLUMN && (
              <Link to={listPath} className="kanban-more">
                {t('sales.kanban.more', { count: col.items.length - SHOWN_PER_COLUMN })}
              </Link>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Leads and proposals by stage, the way a department manager scans the pipeline on Monday morning. */
export default function PipelineKanbanPage() {
  const { t } = useTranslation();
  const canProposals = useCan('proposal.read');
  const [kind, setKind] = useState<'leads' | 'proposals'>('leads');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const leads = useQuery({
    queryKey: [...salesKeys.kanban('leads'), q],
    queryFn: ({ signal }) => listLeads({ page: 1, pageSize: LIMIT, status: KANBAN_LEAD_STATUSES.join(','), q: q || undefined, sort: '-createdAt' }, signal),
    enabled: kind === 'leads',
  });
  const proposals = useQuery({
    queryKey: [...salesKeys.kanban('proposals'), q],
    queryFn: ({ signal }) => listProposals({ page: 1, pageSize: LIMIT, status: KANBAN_PROPOSAL_STATUSES.join(','), q: q || undefined, sort: '-updatedAt' }, signal),
    enabled: kind === 'proposals' && canProposals,
  });
  const current = kind === 'leads' ? leads : proposals;
  const stay = (iso: string) => (daysIn(iso) === 0 ? t('sales.kanban.today') : t('sales.kanban.days', { count: daysIn(iso) }));

  const leadCard = (l: LeadDto) => (
    <Card size="small" className="kanban-card" hoverable>
      <Link to={`/leads/${l.id}`} className="kanban-card-title">
        {l.title}
      </Link>
      <div className="kanban-card-sub">{l.customerName}</div>
      <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
        <Money fen={l.expectedValueFen} strong />
        <UrgencyTag urgency={l.urgency} />
      </Flex>
      <div className="kanban-card-foot">
        {l.assigneeName ? t('sales.kanban.assignee', { name: l.assigneeName }) : t('sales.kanban.unassigned')} · {stay(l.updatedAt)}
      </div>
    </Card>
  );
  const proposalCard = (p: ProposalDto) => (
    <Card size="small" className="kanban-card" hoverable>
      <Link to={`/proposals/${p.id}`} className="kanban-card-title">
        {p.title}
      </Link>
      <div className="kanban-card-sub">{p.customerName}</div>
      <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
        <Money fen={p.totalFen} strong />
        <Tag>{t('sales.versions.label', { version: p.versionNo })}</Tag>
      </Flex>
      <div className="kanban-card-foot">
        {p.authorName} · {stay(p.updatedAt)}
      </div>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('sales.kanban.title')}
        subtitle={t('sales.kanban.subtitle')}
        extra={
          <Space wrap>
            <Input.Search allowClear placeholder={t('sales.kanban.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
            {canProposals && (
              <Segmented
                value={kind}
                onChange={(v) => setKind(v as 'leads' | 'proposals')}
                options={[
                  { value: 'leads', label: t('sales.kanban.leads') },
                  { value: 'proposals', label: t('sales.kanban.proposals') },
                ]}
                data-testid="kanban-kind"
              />
            )}
          </Space>
        }
      />
      {current.isPending ? (
        <PageLoading />
      ) : current.isError ? (
        <LoadError error={current.error} onRetry={() => void current.refetch()} />
      ) : kind === 'leads' && leads.data ? (
        <>
          {leads.data.total === 0 && <Empty description={t('sales.kanban.emptyLeads')} style={{ marginBottom: 16 }} />}
          <Board<LeadDto>
            columns={KANBAN_LEAD_STATUSES.map((s) => ({ key: s, title: t(`sales.leadStatus.${s}`), color: LEAD_STATUS_COLORS[s], items: leads.data.items.filter((l) => l.status === s) }))}
            value={(l) => l.expectedValueFen}
            render={leadCard}
            listPath="/leads"
          />
          {leads.data.total > LIMIT && <Typography.Text type="secondary">{t('sales.kanban.truncated', { shown: LIMIT, total: leads.data.total })}</Typography.Text>}
        </>
      ) : proposals.data ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('sales.kanban.proposalTotal', { total: formatFen(sumFen(proposals.data.items.map((p) => ({ amountFen: p.totalFen })))) })}
            {proposals.data.total > LIMIT && ` · ${t('sales.kanban.truncated', { shown: LIMIT, total: proposals.data.total })}`}
          </Typography.Paragraph>
          <Board<ProposalDto>
            columns={KANBAN_PROPOSAL_STATUSES.map((s) => ({ key: s, title: t(`sales.proposalStatus.${s}`), color: PROPOSAL_STATUS_COLORS[s], items: proposals.data.items.filter((p) => p.status === s) }))}
            value={(p) => p.totalFen}
            render={proposalCard}
            listPath="/proposals"
          />
        </>
      ) : null}
    </>
  );
}
