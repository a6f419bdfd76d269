import { Button, Card, Col, Progress, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { LoadError } from '../../../shared/components/LoadError';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { appraisalKeys, exportReport, getReport, listCycles, type AppraisalReportDto } from '../api';
import { AppraisalStatusTag, GradeTag, Score } from '../components/StatusTags';
import { GradeChart, TrendChart } from '../components/Charts';
import { useNames } from '../components/useNames';
import type { AppraisalStatus } from '../vocabulary';
import '../appraisal.css';

const TREND_LINES = 10;

type Group = AppraisalReportDto['byPosition'][number];

/** HR's monthly or annual summary [4.4]: completion, grades, averages by position and team, ranking, trend; .xlsx and print. */
export default function ReportPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const { cycleLabel } = useNames();
  const [params, setParams] = useSearchParams();
  const cycles = useQuery({ queryKey: appraisalKeys.cycles({ page: 1, pageSize: 100 }), queryFn: ({ signal }) => listCycles({ page: 1, pageSize: 100 }, signal) });
  const cycleId = Number(params.get('cycleId')) || cycles.data?.items[0]?.id;
  const report = useQuery({ queryKey: appraisalKeys.report(cycleId ?? 0), queryFn: ({ signal }) => getReport(cycleId!, signal), enabled: !!cycleId });
  const groupColumns = (label: string) => [
    { title: label, dataIndex: 'label', render: (v: string) => v || t('common.emptyValue') },
    { title: t('appraisal.reports.count'), dataIndex: 'count', align: 'right' as const },
    { title: t('appraisal.reports.average'), dataIndex: 'average', align: 'right' as const, render: (v: number | null) => <Score value={v} strong /> },
  ];
  return (
    <div className="appraisal-page appraisal-report">
      <PageHeader
        title={t('appraisal.reports.title')}
        subtitle={t('appraisal.reports.subtitle')}
        extra={
          <Space className="no-print" wrap>
            <Select
              style={{ width: 200 }}
              value={cycleId}
              loading={cycles.isPending}
              onChange={(v) => setParams({ cycleId: String(v) })}
              options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: cycleLabel(c.type, c.period) }))}
              data-testid="report-cycle"
            />
            <Button icon={<DownloadOutlined />} disabled={!cycleId} onClick={() => void exportReport(cycleId!).catch(handleError)}>
              {t('appraisal.reports.export')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('appraisal.print')}
            </Button>
          </Space>
        }
      />
      {!cycleId && !cycles.isPending && <EmptyState title={t('appraisal.cycles.empty')} />}
      {report.isError && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
      {cycleId && report.isPending && <PageLoading />}
      {report.data && (
        <>
          <Typography.Title level={4} className="print-only">
            {cycleLabel(report.data.cycle.type, report.data.cycle.period)} {t('appraisal.reports.title')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card className="page-card">
                <Statistic title={t('appraisal.reports.completion')} value={report.data.completion.rate} suffix="%" precision={2} />
                <Progress percent={report.data.completion.rate} showInfo={false} />
                <Typography.Text type="secondary">{t('appraisal.reports.completionOf', report.data.completion)}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card className="page-card">
                <Statistic title={t('appraisal.reports.avgFinal')} value={report.data.averages.finalScore ?? '—'} precision={report.data.averages.finalScore === null ? undefined : 2} />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card className="page-card">
                <Statistic title={t('appraisal.reports.avgSelf')} value={report.data.averages.selfScore ?? '—'} precision={report.data.averages.selfScore === null ? undefined : 2} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card className="page-card" title={t('appraisal.reports.distribution')}>
                <GradeChart after={report.data.gradeDistribution} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card className="page-card" title={t('appraisal.reports.trend', { count: Math.min(TREND_LINES, report.data.trend.series.length) })}>
                {report.data.trend.periods.length > 0 ? (
                  <TrendChart periods={report.data.trend.periods} series={report.data.trend.series.slice(0, TREND_LINES).map((s) => ({ name: s.employeeName, scores: s.scores }))} />
                ) : (
                  <EmptyState title={t('appraisal.history.noFinalized')} />
                )}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card className="page-card" title={t('appraisal.reports.byPosition')}>
                <Table<Group> rowKey="key" size="small" pagination={false} dataSource={report.data.byPosition} columns={groupColumns(t('appraisal.fields.position'))} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card className="page-card" title={t('appraisal.reports.byTeam')}>
                <Table<Group> rowKey="key" size="small" pagination={false} dataSource={report.data.byTeam} columns={groupColumns(t('appraisal.fields.department'))} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card className="page-card" title={t('appraisal.reports.ranking')}>
                <Table
                  rowKey="appraisalId"
                  size="small"
                  dataSource={report.data.ranking}
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: t('appraisal.reports.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? t('common.emptyValue') },
                    { title: t('appraisal.fields.employee'), key: 'name', render: (_, r) => <Link to={`/appraisal/appraisals/${r.appraisalId}`}>{r.employeeName}</Link> },
                    { title: t('appraisal.fields.department'), dataIndex: 'departmentName' },
                    { title: t('appraisal.fields.position'), dataIndex: 'positionTitle', responsive: ['md'] },
                    { title: t('appraisal.fields.status'), key: 'status', render: (_, r) => <AppraisalStatusTag status={r.status as AppraisalStatus} /> },
                    { title: t('appraisal.fields.selfScore'), key: 'self', align: 'right', render: (_, r) => <Score value={r.selfScore} /> },
                    { title: t('appraisal.fields.totalScore'), key: 'total', align: 'right', render: (_, r) => <Score value={r.totalScore} /> },
                    { title: t('appraisal.fields.finalScore'), key: 'final', align: 'right', render: (_, r) => <Score value={r.finalScore} strong /> },
                    { title: t('appraisal.fields.grade'), key: 'grade', render: (_, r) => <GradeTag grade={r.grade} /> },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
