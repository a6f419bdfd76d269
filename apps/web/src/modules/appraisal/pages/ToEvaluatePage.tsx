import { Card, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { LoadError } from '../../../shared/components/LoadError';
import { appraisalKeys, listAppraisals, listPeerReviews, type AppraisalDto, type PeerReviewDto } from '../api';
import { AppraisalStatusTag, LateTag, Score } from '../components/StatusTags';
import { useNames } from '../components/useNames';
import '../appraisal.css';

/** "To evaluate": my reports' appraisals waiting for me (evaluation, reviews, feedback) and the peer reviews I was asked for. */
export default function ToEvaluatePage() {
  const { t } = useTranslation();
  const { cycleLabel } = useNames();
  const params = { page: 1, pageSize: 200, view: 'to-evaluate' as const, sort: 'stepDue' };
  const todo = useQuery({ queryKey: appraisalKeys.list(params), queryFn: ({ signal }) => listAppraisals(params, signal) });
  const peers = useQuery({ queryKey: appraisalKeys.peerReviews, queryFn: ({ signal }) => listPeerReviews({ page: 1, pageSize: 100 }, signal) });
  if (todo.isError) return <LoadError error={todo.error} onRetry={() => void todo.refetch()} />;
  const nextStep = (a: AppraisalDto) => (a.status === 'feedback' ? (a.feedbackRecorded ? t('appraisal.todo.waitAck') : t('appraisal.todo.holdFeedback')) : a.status === 'peer_review' ? t('appraisal.todo.reviewsRunning') : t('appraisal.todo.evaluate'));
  return (
    <div className="appraisal-page">
      <PageHeader title={t('appraisal.todo.title')} subtitle={t('appraisal.todo.subtitle')} />
      <Card className="page-card">
        <Tabs
          items={[
            {
              key: 'evaluate',
              label: t('appraisal.todo.tabEvaluate', { count: todo.data?.total ?? 0 }),
              children: (
                <Table<AppraisalDto>
                  rowKey="id"
                  size="middle"
                  loading={todo.isPending}
                  dataSource={todo.data?.items ?? []}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: <EmptyState title={t('appraisal.todo.empty')} hint={t('appraisal.todo.emptyHint')} /> }}
                  columns={[
                    { title: t('appraisal.fields.employee'), key: 'employee', render: (_, a) => <Link to={`/appraisal/appraisals/${a.id}`} data-testid={`evaluate-${a.employeeName}`}>{a.employeeName}</Link> },
                    { title: t('appraisal.fields.cycle'), key: 'cycle', render: (_, a) => cycleLabel(a.cycleType, a.period) },
                    { title: t('appraisal.fields.position'), dataIndex: 'positionTitle', responsive: ['md'] },
                    { title: t('appraisal.fields.status'), key: 'status', render: (_, a) => <Space size={4}><AppraisalStatusTag status={a.status} /><LateTag late={a.late} /></Space> },
                    { title: t('appraisal.todo.next'), key: 'next', render: (_, a) => nextStep(a) },
                    { title: t('appraisal.fields.selfScore'), key: 'self', align: 'right', render: (_, a) => <Score value={a.selfScore} /> },
                    { title: t('appraisal.fields.due'), dataIndex: 'stepDueDate' },
                  ]}
                />
              ),
            },
            {
              key: 'peers',
              label: t('appraisal.todo.tabPeers', { count: (peers.data?.items ?? []).filter((p) => p.actions.includes('submit')).length }),
              children: (
                <Table<PeerReviewDto>
                  rowKey="id"
                  size="middle"
                  loading={peers.isPending}
                  dataSource={peers.data?.items ?? []}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: <EmptyState title={t('appraisal.todo.noPeers')} /> }}
                  columns={[
                    { title: t('appraisal.fields.employee'), key: 'employee', render: (_, p) => <Link to={`/appraisal/peer-reviews/${p.id}`}>{p.employeeName}</Link> },
                    { title: t('appraisal.fields.cycle'), key: 'cycle', render: (_, p) => cycleLabel(p.cycleType, p.period) },
                    { title: t('appraisal.fields.department'), dataIndex: 'departmentName', responsive: ['md'] },
                    { title: t('appraisal.fields.status'), key: 'status', render: (_, p) => <Tag color={p.status === 'submitted' ? 'success' : 'processing'}>{t(`appraisal.reviewStatus.${p.status}`)}</Tag> },
                    { title: t('appraisal.peers.average'), key: 'score', align: 'right', render: (_, p) => <Score value={p.score} /> },
                    { title: t('appraisal.fields.due'), dataIndex: 'dueDate' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
