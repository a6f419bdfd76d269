import { useState } from 'react';
import { Badge, Button, Card, Flex, List, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime } from '../../../shared/format';
import { listLeads, type LeadDto } from '../api';
import { Money } from '../components/Money';
import { UrgencyTag } from '../components/StatusTags';
import { AssignModal, EvaluateModal } from '../components/LeadDecisionModals';
import { useSetting } from '../../../shared/hooks/useSetting';
import '../sales.css';

/** Working days between two dates (Mon–Fri), for the "evaluate within N working days" rule. */
function workingDaysSince(iso: string): number {
  let day = dayjs(iso).startOf('day');
  const today = dayjs().startOf('day');
  let count = 0;
  while (day.isBefore(today)) {
    day = day.add(1, 'day');
    if (day.day() !== 0 && day.day() !== 6) count++;
  }
  return count;
}

/** The manager's queue: leads awaiting evaluation (oldest first) and accepted leads awaiting assignment. */
export default function LeadEvaluationPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'registered' | 'accepted'>('registered');
  const [evaluating, setEvaluating] = useState<{ lead: LeadDto; decision: 'accept' | 'reject' } | null>(null);
  const [assigning, setAssigning] = useState<LeadDto | null>(null);
  const limitDays = useSetting<number>('sales.lead.evaluationWorkingDays');
  const queue = (status: 'registered' | 'accepted') => ({
    queryKey: ['leads', 'queue', status],
    queryFn: ({ signal }: { signal: AbortSignal }) => listLeads({ page: 1, pageSize: 200, status, sort: 'createdAt' }, signal),
  });
  const registered = useQuery(queue('registered'));
  const accepted = useQuery(queue('accepted'));
  const current = tab === 'registered' ? registered : accepted;

  const renderLead = (l: LeadDto) => {
    const waited = workingDaysSince(tab === 'registered' ? l.createdAt : (l.evaluatedAt ?? l.updatedAt));
    const overdue = tab === 'registered' && limitDays !== undefined && waited > limitDays;
    return (
      <List.Item
        key={l.id}
        data-testid={`queue-lead-${l.id}`}
        actions={
          tab === 'registered'
            ? [
                <Button key="accept" type="primary" size="small" onClick={() => setEvaluating({ lead: l, decision: 'accept' })}>
                  {t('sales.lead.accept')}
                </Button>,
                <Button key="reject" size="small" danger onClick={() => setEvaluating({ lead: l, decision: 'reject' })}>
                  {t('sales.lead.reject')}
                </Button>,
              ]
            : [
                <Button key="assign" type="primary" size="small" onClick={() => setAssigning(l)}>
                  {t('sales.lead.assign')}
                </Button>,
              ]
        }
      >
        <List.Item.Meta
          title={
            <Space wrap size={6}>
              <Link to={`/leads/${l.id}`}>{l.title}</Link>
              <UrgencyTag urgency={l.urgency} />
              {overdue && <Tag color="red">{t('sales.lead.overdue', { days: limitDays })}</Tag>}
            </Space>
          }
          description={
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">
                {l.code} · {l.customerName} · {t(`sales.channel.${l.channel}`)} · {t('sales.lead.fields.expectedValue')} <Money fen={l.expectedValueFen} />
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {l.needs}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('sales.lead.registeredLine', { name: l.registeredByName ?? '', department: l.registeredDepartmentName ?? t('home.noDepartment'), at: formatDateTime(l.createdAt) })}
                {waited > 0 && ` · ${t('sales.lead.waitedDays', { count: waited })}`}
              </Typography.Text>
            </Flex>
          }
        />
      </List.Item>
    );
  };

  return (
    <>
      <PageHeader
        title={t('sales.lead.queueTitle')}
        subtitle={limitDays !== undefined ? t('sales.lead.queueSubtitle', { days: limitDays }) : t('sales.lead.queueSubtitleShort')}
      />
      <Card className="page-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'registered' | 'accepted')}
          items={[
            { key: 'registered', label: <Space size={6}>{t('sales.lead.queueEvaluate')}<Badge count={registered.data?.total ?? 0} showZero color="#faad14" /></Space> },
            { key: 'accepted', label: <Space size={6}>{t('sales.lead.queueAssign')}<Badge count={accepted.data?.total ?? 0} showZero color="#1677ff" /></Space> },
          ]}
        />
        {current.isError ? (
          <LoadError error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <List<LeadDto>
            loading={current.isPending}
            dataSource={current.data?.items ?? []}
            renderItem={renderLead}
            locale={{ emptyText: <EmptyState title={tab === 'registered' ? t('sales.lead.queueEmptyEvaluate') : t('sales.lead.queueEmptyAssign')} /> }}
          />
        )}
      </Card>
      <EvaluateModal lead={evaluating?.lead ?? null} initialDecision={evaluating?.decision} onClose={() => setEvaluating(null)} onDone={(l) => l.status === 'accepted' && setTab('accepted')} />
      <AssignModal lead={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
