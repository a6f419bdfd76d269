import { Card, Col, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { LoadError } from '../../../shared/components/LoadError';
import { useCurrentUser } from '../../../app/auth-context';
import { appraisalKeys, listAppraisals, listPeerReviews, type AppraisalDto } from '../api';
import { AppraisalStatusTag, GradeTag, LateTag, Score } from '../components/StatusTags';
import { TrendChart } from '../components/Charts';
import { useNames } from '../components/useNames';
import '../appraisal.css';

/** An employee's appraisals, newest first, with the trend of finalized results. */
export function AppraisalHistory({ employeeId, own }: { employeeId: number; own: boolean }) {
  const { t } = useTranslation();
  const { cycleLabel } = useNames();
  const params = own ? { page: 1, pageSize: 100, view: 'mine' as const, sort: '-period' } : { page: 1, pageSize: 100, employeeId, sort: '-period' };
  const query = useQuery({ queryKey: appraisalKeys.list(params), queryFn: ({ signal }) => listAppraisals(params, signal) });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  const trendOf = (type: 'monthly' | 'annual') => {
    const rows = items.filter((a) => a.cycleType === type && a.status === 'finalized').sort((a, b) => a.period.localeCompare(b.period));
    return { periods: rows.map((r) => r.period), scores: rows.map((r) => r.finalScore) };
  };
  const monthly = trendOf('monthly');
  const annual = trendOf('annual');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card className="page-card" title={t('appraisal.mine.list')}>
          <Table<AppraisalDto>
            rowKey="id"
            size="middle"
            loading={query.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('appraisal.mine.empty')} hint={t('appraisal.mine.emptyHint')} /> }}
            columns={[
              { title: t('appraisal.fields.cycle'), key: 'cycle', render: (_, a) => <Link to={`/appraisal/appraisals/${a.id}`}>{cycleLabel(a.cycleType, a.period)}</Link> },
              { title: t('appraisal.fields.status'), key: 'status', render: (_, a) => <Space size={4}><AppraisalStatusTag status={a.status} /><LateTag late={a.late} /></Space> },
              { title: t('appraisal.fields.selfScore'), key: 'self', align: 'right', render: (_, a) => <Score value={a.selfScore} /> },
              { title: t('appraisal.fields.finalScore'), key: 'final', align: 'right', render: (_, a) => <Score value={a.finalScore} strong /> },
              { title: t('appraisal.fields.grade'), key: 'grade', render: (_, a) => <GradeTag grade={a.grade} /> },
              { title: t('appraisal.fields.due'), dataIndex: 'stepDueDate', responsive: ['md'], render: (d: string | null, a) => (a.status === 'finalized' ? '' : (d ?? '')) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card className="page-card" title={t('appraisal.history.trendMonthly')}>
          {monthly.periods.length ? <TrendChart periods={monthly.periods} series={[{ name: t('appraisal.fields.finalScore'), scores: monthly.scores }]} /> : <EmptyState title={t('appraisal.history.noFinalized')} />}
        </Card>
        {annual.periods.length > 0 && (
          <Card className="page-card" title={t('appraisal.history.trendAnnual')} style={{ marginTop: 16 }}>
            <TrendChart periods={annual.periods} series={[{ name: t('appraisal.fields.finalScore'), scores: annual.scores }]} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

/** "My appraisals": what I have to fill in now, my peer review forms, my history and trend. */
export default function MyAppraisalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const peers = useQuery({ queryKey: [...appraisalKeys.peerReviews, 'pending'], queryFn: ({ signal }) => listPeerReviews({ page: 1, pageSize: 50, status: 'pending' }, signal) });
  const pendingPeers = (peers.data?.items ?? []).filter((p) => p.actions.includes('submit'));
  return (
    <div className="appraisal-page">
      <PageHeader title={t('appraisal.mine.title')} subtitle={t('appraisal.mine.subtitle')} />
      {pendingPeers.length > 0 && (
        <Card className="page-card" title={t('appraisal.mine.peerTodo')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={pendingPeers}
            renderItem={(p) => (
              <List.Item extra={<Link to={`/appraisal/peer-reviews/${p.id}`}>{t('appraisal.peerForm.fill')}</Link>}>
                <Typography.Text>
                  {t('appraisal.mine.peerFor', { name: p.employeeName, period: p.period })} <Tag>{t('appraisal.fields.dueShort', { date: p.dueDate ?? '' })}</Tag>
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      <AppraisalHistory employeeId={user.id} own />
    </div>
  );
}
