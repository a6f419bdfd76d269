import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Select, Space, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, FileAddOutlined, FormOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { getLead, getNeedsAnalysis, listProposals, salesKeys, type LeadDto, type NeedsAnalysisAnswer, type ProposalDto } from '../api';
import { Money } from '../components/Money';
import { LeadStatusTag, ProposalStatusTag, UrgencyTag } from '../components/StatusTags';
import { AssignModal, EvaluateModal } from '../components/LeadDecisionModals';
import { NeedsAnalysisForm, NeedsAnalysisView } from '../components/NeedsAnalysis';
import '../sales.css';
import { TWO_COLUMNS } from '../table-utils';

type TimelineItem = { key: string; color: string; dot?: React.ReactNode; title: string; at?: string | null; detail?: React.ReactNode };

function leadTimeline(lead: LeadDto, needs: NeedsAnalysisAnswer | undefined, proposals: ProposalDto[], t: TFunction): TimelineItem[] {
  const items: TimelineItem[] = [
    {
      key: 'registered',
      color: 'blue',
      title: t('sales.lead.timeline.registered', { name: lead.registeredByName ?? '' }),
      at: lead.createdAt,
      detail: lead.registeredDepartmentName,
    },
  ];
  if (lead.evaluatedAt) {
    const rejected = lead.status === 'rejected';
    items.push({
      key: 'evaluated',
      color: rejected ? 'red' : 'green',
      dot: rejected ? <CloseCircleOutlined /> : <CheckCircleOutlined />,
      title: rejected ? t('sales.lead.timeline.rejected') : t('sales.lead.timeline.accepted'),
      at: lead.evaluatedAt,
      detail: lead.evaluationReason ? t('sales.lead.timeline.reason', { reason: lead.evaluationReason }) : undefined,
    });
  }
  if (lead.assignedAt) items.push({ key: 'assigned', color: 'blue', dot: <UserSwitchOutlined />, title: t('sales.lead.timeline.assigned', { name: lead.assigneeName ?? '' }), at: lead.assignedAt });
  for (const v of [...(needs?.versions ?? [])].sort((a, b) => a.versionNo - b.versionNo)) {
    items.push({ key: `needs-${v.versionNo}`, color: 'blue', dot: <FormOutlined />, title: t('sales.lead.timeline.analyzed', { version: v.versionNo, name: v.authorName }), at: v.createdAt });
  }
  for (const p of [...proposals].sort((a, b) => a.id - b.id)) {
    items.push({
      key: `proposal-${p.id}`,
      color: 'green',
      dot: <FileAddOutlined />,
      title: t('sales.lead.timeline.proposal', { code: p.code, name: p.authorName }),
      at: p.createdAt,
      detail: <Link to={`/proposals/${p.id}`}>{p.title}</Link>,
    });
  }
  const next: Partial<Record<LeadDto['status'], string>> = {
    registered: t('sales.lead.timeline.awaitEvaluation'),
    accepted: t('sales.lead.timeline.awaitAssignment'),
    assigned: t('sales.lead.timeline.awaitAnalysis', { name: lead.assigneeName ?? '' }),
    analyzed: t('sales.lead.timeline.awaitProposal', { name: lead.assigneeName ?? '' }),
  };
  const pending = next[lead.status];
  if (pending) items.push({ key: 'next', color: 'gray', dot: <ClockCircleOutlined />, title: pending });
  return items;
}

export default function LeadDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [evaluating, setEvaluating] = useState<'accept' | 'reject' | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [editingNeeds, setEditingNeeds] = useState(false);
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const leadQuery = useQuery({ queryKey: salesKeys.lead(id), queryFn: ({ signal }) => getLead(id, signal), enabled: Number.isInteger(id) });
  const needsQuery = useQuery({ queryKey: salesKeys.needsAnalysis(id), queryFn: ({ signal }) => getNeedsAnalysis(id, signal), enabled: Number.isInteger(id) });
  const canReadProposals = useCan('proposal.read');
  const canSeeProposals = canReadProposals && (leadQuery.data?.status === 'converted' || leadQuery.data?.status === 'analyzed');
  const proposalsQuery = useQuery({
    queryKey: ['proposals', 'of-lead', id],
    queryFn: ({ signal }) => listProposals({ page: 1, pageSize: 50, leadId: id }, signal),
    enabled: canSeeProposals,
    retry: false,
  });

  if (leadQuery.isPending) return <PageLoading />;
  if (leadQuery.isError) return <LoadError error={leadQuery.error} onRetry={() => void leadQuery.refetch()} />;
  const lead = leadQuery.data;
  const actions = new Set(lead.actions);
  const needs = needsQuery.data;
  const proposals = proposalsQuery.data?.items ?? [];
  const version = needs?.versions.find((v) => v.versionNo === shownVersion) ?? needs?.current ?? null;
  const writing = actions.has('analyze') && (editingNeeds || !needs?.current);

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {lead.title}
            <LeadStatusTag status={lead.status} />
          </Space>
        }
        subtitle={`${lead.code} · ${lead.customerName}`}
        extra={
          <>
            {actions.has('accept') && (
              <Button type="primary" onClick={() => setEvaluating('accept')} data-testid="lead-accept">
                {t('sales.lead.accept')}
              </Button>
            )}
            {actions.has('reject') && (
              <Button danger onClick={() => setEvaluating('reject')} data-testid="lead-reject">
                {t('sales.lead.reject')}
              </Button>
            )}
            {actions.has('assign') && (
              <Button type={lead.status === 'accepted' ? 'primary' : 'default'} onClick={() => setAssigning(true)} data-testid="lead-assign">
                {lead.assigneeId ? t('sales.lead.reassign') : t('sales.lead.assign')}
              </Button>
            )}
            {actions.has('convert') && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate(`/proposals/new?leadId=${lead.id}`)} data-testid="lead-draft-proposal">
                {t('sales.lead.draftProposal')}
              </Button>
            )}
          </>
        }
      />
      {lead.status === 'rejected' && lead.evaluationReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('sales.lead.rejectedBanner')} description={lead.evaluationReason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card className="page-card" title={t('sales.lead.formName')}>
              <Descriptions column={TWO_COLUMNS} size="small">
                <Descriptions.Item label={t('sales.lead.fields.customer')}>
                  <span>
                    <Link to={`/customers/${lead.customerId}`}>{lead.customerName}</Link>
                    {lead.customerRegion ? ` · ${lead.customerRegion}` : ''}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.channel')}>{t(`sales.channel.${lead.channel}`)}</Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.referrer')}>{lead.referrer || t('common.emptyValue')}</Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.registeredBy')}>
                  {[lead.registeredByName, lead.registeredDepartmentName].filter(Boolean).join(' · ') || t('common.emptyValue')}
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.contactName')}>
                  {[lead.contactName, lead.contactPhone].filter(Boolean).join(' · ') || t('common.emptyValue')}
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.expectedValue')}>
                  <Money fen={lead.expectedValueFen} strong />
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.urgency')}>
                  <UrgencyTag urgency={lead.urgency} />
                </Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.assignee')}>{lead.assigneeName ?? t('common.emptyValue')}</Descriptions.Item>
                <Descriptions.Item label={t('sales.lead.fields.needs')} span="filled">
                  <span className="pre-wrap">{lead.needs}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              className="page-card"
              title={t('sales.needs.formName')}
              data-testid="needs-card"
              extra={
                needs && needs.versions.length > 0 && !writing ? (
                  <Space wrap>
                    <Select<number>
                      size="small"
                      value={version?.versionNo}
                      onChange={setShownVersion}
                      style={{ minWidth: 220 }}
                      options={needs.versions.map((v) => ({
                        value: v.versionNo,
                        label: t('sales.needs.versionLabel', { version: v.versionNo, name: v.authorName, at: formatDateTime(v.createdAt) }),
                      }))}
                    />
                    {actions.has('analyze') && (
                      <Button size="small" icon={<FormOutlined />} onClick={() => setEditingNeeds(true)}>
                        {t('sales.needs.revise')}
                      </Button>
                    )}
                  </Space>
                ) : null
              }
            >
              {needsQuery.isError ? (
                <LoadError error={needsQuery.error} onRetry={() => void needsQuery.refetch()} />
              ) : writing ? (
                <NeedsAnalysisForm
                  leadId={lead.id}
                  current={needs?.current?.content ?? null}
                  onDone={() => {
                    setEditingNeeds(false);
                    setShownVersion(null);
                  }}
                  onCancel={needs?.current ? () => setEditingNeeds(false) : undefined}
                />
              ) : version ? (
                <>
                  {needs && version.versionNo !== needs.current?.versionNo && (
                    <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sales.needs.oldVersion', { version: version.versionNo })} />
                  )}
                  <NeedsAnalysisView content={version.content} />
                </>
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={lead.status === 'registered' || lead.status === 'accepted' ? t('sales.needs.notYetAssigned') : lead.status === 'rejected' ? t('sales.needs.notNeeded') : t('sales.needs.notYet', { name: lead.assigneeName ?? '' })}
                />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card className="page-card" title={t('sales.lead.timelineTitle')}>
              <Timeline
                items={leadTimeline(lead, needs, proposals, t).map((item) => ({
                  key: item.key,
                  color: item.color,
                  dot: item.dot,
                  children: (
                    <div>
                      <div>{item.title}</div>
                      {item.detail && <div className="timeline-detail">{item.detail}</div>}
                      {item.at && <div className="timeline-time">{formatDateTime(item.at)}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
            {canSeeProposals && (
              <Card className="page-card" title={t('sales.lead.proposals')}>
                <List<ProposalDto>
                  size="small"
                  dataSource={proposals}
                  locale={{ emptyText: t('sales.lead.noProposals') }}
                  renderItem={(p) => (
                    <List.Item extra={<ProposalStatusTag status={p.status} />}>
                      <List.Item.Meta
                        title={<Link to={`/proposals/${p.id}`}>{p.title}</Link>}
                        description={
                          <Typography.Text type="secondary">
                            {p.code} · <Money fen={p.totalFen} />
                          </Typography.Text>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      <EvaluateModal lead={evaluating ? lead : null} initialDecision={evaluating ?? 'accept'} onClose={() => setEvaluating(null)} />
      <AssignModal lead={assigning ? lead : null} onClose={() => setAssigning(false)} />
    </>
  );
}
