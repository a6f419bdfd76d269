import { useMemo } from 'react';
import { Card, Col, Empty, Progress, Row, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { AGEING_BUCKETS } from '@domain/delivery/receivables.rules.js';
import { PROJECT_STATUSES } from '@domain/delivery/project.machine.js';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime, formatDate } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { fenToWan } from '../money';
import { deliveryKeys, getPortfolio, type PortfolioDto } from '../api';
import { EChart } from '../../../shared/components/EChart';
import { HEALTH_COLOR, HealthTag, IssueStatusTag, ProjectStatusTag, SeverityTag } from '../components/tags';
import '../delivery.css';

/** The manager's view over every project in scope: health, overdue milestones, escalations, receivables ageing. */
export default function PortfolioPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: deliveryKeys.portfolio, queryFn: ({ signal }) => getPortfolio(signal) });
  const charts = useMemo(() => (query.data ? options(query.data, t) : null), [query.data, t]);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const active = d.projectCount - d.byStatus.closed;
  return (
    <>
      <PageHeader title={t('delivery.portfolio.title')} subtitle={t('delivery.portfolio.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={12} xl={6}><Card className="page-card kpi-card"><Statistic title={t('delivery.portfolio.active')} value={active} /></Card></Col>
        <Col xs={12} xl={6}><Card className="page-card kpi-card"><Statistic title={t('delivery.portfolio.contract')} value={formatFen(d.money.contractFen)} /></Card></Col>
        <Col xs={12} xl={6}><Card className="page-card kpi-card"><Statistic title={t('delivery.portfolio.outstanding')} value={formatFen(d.money.outstandingFen)} /></Card></Col>
        <Col xs={12} xl={6}><Card className="page-card kpi-card"><Statistic title={t('delivery.portfolio.overdue')} value={formatFen(d.money.overdueFen)} valueStyle={d.money.overdueFen > 0 ? { color: '#cf1322' } : undefined} /></Card></Col>
        <Col xs={24} lg={8}>
          <Card className="page-card" title={t('delivery.portfolio.healthChart')}>
            <EChart option={charts!.health} height={240} testId="chart-health" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card className="page-card" title={t('delivery.portfolio.statusChart')}>
            <EChart option={charts!.status} height={240} testId="chart-status" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card className="page-card" title={t('delivery.portfolio.ageingChart')}>
            <EChart option={charts!.ageing} height={240} testId="chart-ageing" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card className="page-card" title={t('delivery.portfolio.atRisk')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.atRisk}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.portfolio.none')} /> }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('delivery.projects.columns.project'), dataIndex: 'name', render: (v: string, p) => <><Link to={`/projects/${p.id}`}>{v}</Link><div className="muted">{p.code}</div></> },
                { title: t('delivery.projects.columns.status'), dataIndex: 'status', render: (v: PortfolioDto['atRisk'][number]['status']) => <ProjectStatusTag status={v} /> },
                { title: t('delivery.projects.columns.health'), dataIndex: 'health', render: (v: PortfolioDto['atRisk'][number]['health']) => <HealthTag level={v} /> },
                { title: t('delivery.projects.columns.pm'), dataIndex: 'pmName' },
                { title: t('delivery.projects.columns.progress'), width: 180, render: (_, p) => <><Progress percent={p.percentComplete} size="small" /><div className="muted">{t('delivery.projects.planned', { pct: p.plannedPercent })}</div></> },
                { title: t('delivery.projects.columns.budget'), dataIndex: 'budgetUsagePct', render: (v: number) => `${v}%` },
                { title: t('delivery.portfolio.overdue'), dataIndex: 'overdueFen', align: 'right', render: (v: number) => formatFen(v) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card className="page-card" title={t('delivery.portfolio.overdueMilestones')}>
            <Table
              size="small"
              rowKey="milestoneId"
              pagination={false}
              dataSource={d.overdueMilestones}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.portfolio.none')} /> }}
              columns={[
                { title: t('delivery.milestone.name'), dataIndex: 'name', render: (v: string, m) => <><strong>{v}</strong><div className="muted"><Link to={`/projects/${m.projectId}?tab=plan`}>{m.projectName}</Link> · {m.pmName}</div></> },
                { title: t('delivery.plan.plannedEnd'), dataIndex: 'plannedEnd', render: (v: string) => formatDate(v) },
                { title: t('delivery.portfolio.daysLate'), dataIndex: 'daysLate', align: 'right', render: (v: number) => <span style={{ color: '#cf1322' }}>{v}</span> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card className="page-card" title={t('delivery.portfolio.escalations')}>
            <Table
              size="small"
              rowKey="issueId"
              pagination={false}
              dataSource={d.escalations}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.portfolio.none')} /> }}
              columns={[
                { title: t('delivery.issue.title'), dataIndex: 'title', render: (v: string, i) => <><strong>{v}</strong><div className="muted"><Link to={`/projects/${i.projectId}?tab=issues`}>{i.projectName}</Link></div></> },
                { title: t('delivery.issue.severity'), dataIndex: 'severity', render: (v: PortfolioDto['escalations'][number]['severity']) => <SeverityTag severity={v} /> },
                { title: t('delivery.plan.status'), dataIndex: 'status', render: (v: PortfolioDto['escalations'][number]['status']) => <IssueStatusTag status={v} /> },
                { title: t('delivery.portfolio.escalatedAt'), dataIndex: 'escalatedAt', render: (v: string | null) => formatDateTime(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function options(d: PortfolioDto, tr: TFunction) {
  const health = (['green', 'amber', 'red', 'unrated'] as const).map((h) => ({ name: tr(`delivery.health.${h}`), value: d.health[h], itemStyle: { color: h === 'unrated' ? '#d9d9d9' : HEALTH_COLOR[h] } }));
  return {
    health: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}' }, data: health.filter((h) => h.value > 0) }],
    },
    status: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: PROJECT_STATUSES.map((s) => tr(`delivery.status.${s}`)) },
      series: [{ type: 'bar', data: PROJECT_STATUSES.map((s) => d.byStatus[s]), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
    },
    ageing: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: AGEING_BUCKETS.map((b) => tr(`delivery.settlement.bucketsShort.${b}`)), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: AGEING_BUCKETS.map((b, i) => ({ value: fenToWan(d.receivablesAgeing[b]), itemStyle: { color: i === 0 ? '#52c41a' : i === 1 ? '#faad14' : '#ff4d4f' } })), label: { show: true, position: 'top' } }],
    },
  };
}
