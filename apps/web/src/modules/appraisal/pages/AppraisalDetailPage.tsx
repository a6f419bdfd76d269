import { Alert, Button, Card, Col, Flex, List, Row, Space, Typography } from 'antd';
import { HistoryOutlined, PaperClipOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime } from '../../../shared/format';
import { useCurrentUser } from '../../../app/auth-context';
import { appraisalKeys, getAppraisal } from '../api';
import { AppraisalStatusTag, GradeTag, LateTag } from '../components/StatusTags';
import { StepsBar } from '../components/StepsBar';
import { ScoreForm } from '../components/ScoreForm';
import { SelfAssessmentCard } from '../components/SelfAssessmentCard';
import { SupervisorCard } from '../components/SupervisorCard';
import { ReviewsCard } from '../components/ReviewsCard';
import { FeedbackCard } from '../components/FeedbackCard';
import { ResultCard } from '../components/ResultCard';
import { TimelineCard } from '../components/TimelineCard';
import { PeriodRecordsCard } from '../components/PeriodRecordsCard';
import { useNames } from '../components/useNames';
import '../appraisal.css';

/** One appraisal: where it stands, the form the user has to fill now, and everything recorded so far. */
export default function AppraisalDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { cycleLabel } = useNames();
  const user = useCurrentUser();
  const query = useQuery({ queryKey: appraisalKeys.one(id), queryFn: ({ signal }) => getAppraisal(id, signal), enabled: Number.isInteger(id) });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const actions = new Set(d.actions);
  const annual = d.cycleType === 'annual';
  const evaluated = d.supervisor !== null;
  // The employee sees the reviews once they are discussed with them (feedback step on).
  const ownBeforeFeedback = d.employeeId === user.id && ['self_assessment', 'supervisor_review', 'peer_review'].includes(d.status);
  const showReviews = annual && !ownBeforeFeedback && (d.status === 'peer_review' || d.peerReviews.length > 0 || d.customerReviews.length > 0 || actions.has('customer-link'));
  const showFeedback = ['feedback', 'calibration', 'finalized'].includes(d.status);

  return (
    <div className="appraisal-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            {d.employeeName}
            <span className="appraisal-muted">{cycleLabel(d.cycleType, d.period)}</span>
            <AppraisalStatusTag status={d.status} />
            <LateTag late={d.late} />
            {d.grade && <GradeTag grade={d.grade} />}
          </Space>
        }
        subtitle={[d.positionTitle, d.departmentName, d.supervisorName && t('appraisal.fields.supervisorIs', { name: d.supervisorName })].filter(Boolean).join(' · ')}
        extra={
          <>
            <Link to={`/appraisal/history/${d.employeeId}`}>
              <Button icon={<HistoryOutlined />}>{t('appraisal.history.link')}</Button>
            </Link>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
              {t('appraisal.print')}
            </Button>
          </>
        }
      />
      <StepsBar type={d.cycleType} status={d.status} late={d.late} />
      {d.stepDueDate && d.status !== 'finalized' && (
        <Alert type={d.late ? 'error' : 'info'} showIcon style={{ marginBottom: 16 }} message={t(d.late ? 'appraisal.dueLate' : 'appraisal.dueOn', { date: d.stepDueDate, step: t(`appraisal.step.${d.status}`) })} />
      )}
      {d.disputed && d.status !== 'finalized' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('appraisal.disputedBanner')} description={d.acknowledgement?.comment ?? undefined} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Flex vertical gap={16}>
            {(evaluated || d.selfScore !== null || d.finalScore !== null) && <ResultCard detail={d} />}
            {actions.has('submit-self') && <SelfAssessmentCard detail={d} />}
            {actions.has('submit-supervisor') && <SupervisorCard detail={d} />}
            {!actions.has('submit-self') && !actions.has('submit-supervisor') && (d.self || d.supervisor) && (
              <Card className="page-card" title={evaluated ? (annual ? t('appraisal.forms.supervisorAnnual') : t('appraisal.forms.supervisorMonthly')) : annual ? t('appraisal.forms.selfAnnual') : t('appraisal.forms.selfMonthly')}>
                <ScoreForm detail={d} mode="view" />
                {d.self && (
                  <Typography.Paragraph style={{ marginTop: 12 }}>
                    <Typography.Text strong>{t('appraisal.self.summary')}：</Typography.Text>
                    {d.self.summary}
                  </Typography.Paragraph>
                )}
                {d.supervisor && (
                  <Typography.Paragraph>
                    <Typography.Text strong>{t('appraisal.supervisor.comment')}：</Typography.Text>
                    {d.supervisor.comment}
                    <Typography.Text type="secondary"> —— {d.supervisor.submittedByName} · {formatDateTime(d.supervisor.submittedAt)}</Typography.Text>
                  </Typography.Paragraph>
                )}
                {d.self && d.self.attachments.length > 0 && (
                  <List
                    size="small"
                    header={t('appraisal.self.evidence')}
                    dataSource={d.self.attachments}
                    renderItem={(a) => (
                      <List.Item>
                        <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer">
                          <PaperClipOutlined /> {a.name}
                        </a>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            )}
            {showReviews && <ReviewsCard detail={d} />}
            {showFeedback && <FeedbackCard detail={d} />}
            <PeriodRecordsCard detail={d} />
          </Flex>
        </Col>
        <Col xs={24} xxl={6}>
          <TimelineCard detail={d} />
        </Col>
      </Row>
    </div>
  );
}
