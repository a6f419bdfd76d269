import { Card, Col, Descriptions, List, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import type { TabProps } from '../pages/ProjectDetailPage';
import { Money } from '../components/Money';
import { MilestoneStatusTag } from '../components/tags';
import { BudgetLinesCard } from '../components/BudgetLinesCard';
import { VarianceText } from '../components/VarianceText';
import { TWO_COLUMNS } from '../table-utils';

/** The project at a glance: plan vs actual, cost control, money, health and what is waiting. */
export default function OverviewTab({ project: p }: TabProps) {
  const { t } = useTranslation();
  const usage = p.cost.budgetFen > 0 ? Math.round((1000 * (p.cost.spentFen + p.cost.committedFen)) / p.cost.budgetFen) / 10 : 0;
  const received = p.receivables.contractFen > 0 ? Math.round((1000 * p.receivables.receivedFen) / p.receivables.contractFen) / 10 : 0;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card className="page-card kpi-card" data-testid="kpi-progress">
            <Statistic title={t('delivery.overview.progress')} value={p.schedule.percentComplete} suffix="%" precision={1} />
            <Progress percent={p.schedule.percentComplete} success={{ percent: Math.min(p.schedule.percentComplete, p.schedule.plannedPercent) }} showInfo={false} size="small" />
            <div className="kpi-sub">{t('delivery.overview.plannedAt', { pct: p.schedule.plannedPercent })}</div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="page-card kpi-card">
            <Statistic title={t('delivery.overview.delay')} value={t('delivery.overview.days', { count: p.schedule.maxDaysLate })} valueStyle={{ color: p.schedule.maxDaysLate > 0 ? '#cf1322' : undefined }} />
            <div className="kpi-sub">{t('delivery.overview.overdueMilestones', { count: p.schedule.overdueMilestones })}</div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="page-card kpi-card">
            <Statistic title={t('delivery.overview.budgetUse')} value={usage} suffix="%" precision={1} valueStyle={{ color: p.cost.overrunPct > 0 ? '#cf1322' : usage >= p.cost.warningPct ? '#d48806' : undefined }} />
            <div className="kpi-sub">{t('delivery.overview.spentOf', { spent: formatFen(p.cost.spentFen), budget: formatFen(p.cost.budgetFen) })}</div>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="page-card kpi-card">
            <Statistic title={t('delivery.overview.receivables')} value={received} suffix="%" precision={1} />
            <div className="kpi-sub">{t('delivery.overview.receivedOf', { received: formatFen(p.receivables.receivedFen), contract: formatFen(p.receivables.contractFen) })}</div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={16}>
          <Card className="page-card" title={t('delivery.overview.milestones')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.milestones}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('delivery.milestone.name'), dataIndex: 'name', render: (v: string, m) => <><strong>{v}</strong><div className="muted">{m.deliverable}</div></> },
                { title: t('delivery.milestone.planned'), render: (_, m) => `${formatDate(m.plannedStart)} ～ ${formatDate(m.plannedEnd)}` },
                { title: t('delivery.milestone.actual'), render: (_, m) => (m.actualStart || m.actualEnd ? `${formatDate(m.actualStart)} ～ ${formatDate(m.actualEnd)}` : '—') },
                { title: t('delivery.milestone.progress'), width: 150, render: (_, m) => <Progress percent={m.progress} size="small" status={m.status === 'overdue' ? 'exception' : m.status === 'done' ? 'success' : 'normal'} /> },
                { title: t('delivery.milestone.status'), render: (_, m) => <MilestoneStatusTag status={m.status} /> },
                { title: t('delivery.milestone.variance'), render: (_, m) => <VarianceText days={m.varianceDays} /> },
              ]}
            />
          </Card>
          <BudgetLinesCard project={p} last="variance" className="page-card section-gap" />
        </Col>
        <Col xs={24} xl={8}>
          <Card className="page-card" title={t('delivery.overview.healthTitle')}>
            {p.status === 'closed' || p.healthDetail.factors.length === 0 ? (
              <Typography.Text type="secondary">{t('delivery.overview.healthOk')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.healthDetail.factors}
                renderItem={(f) => (
                  <List.Item>
                    <Tag color={f.level === 'red' ? 'red' : 'gold'}>{t(`delivery.health.${f.level}`)}</Tag>
                    {t(`delivery.healthFactor.${f.factor}`)}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card className="page-card section-gap" title={t('delivery.overview.counts')}>
            <List
              size="small"
              dataSource={[
                { key: 'issues', text: t('delivery.overview.openIssues', { count: p.counts.openIssues }), tab: 'issues', hot: p.counts.escalatedIssues > 0 },
                { key: 'changes', text: t('delivery.overview.pendingChanges', { count: p.counts.pendingChanges }), tab: 'changes', hot: false },
                { key: 'expenses', text: t('delivery.overview.pendingExpenses', { count: p.counts.pendingExpenses }), tab: 'expenses', hot: false },
              ]}
              renderItem={(i) => (
                <List.Item>
                  <Link to={`?tab=${i.tab}`} style={i.hot ? { color: '#cf1322' } : undefined}>
                    {i.text}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
          <Card className="page-card section-gap" title={t('delivery.overview.contract')}>
            <Descriptions column={TWO_COLUMNS} size="small" layout="vertical">
              <Descriptions.Item label={t('delivery.overview.contractNumber')}>
                <Link to={`/contracts/${p.contractId}`} className="mono">{p.contractNumber}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('delivery.settlement.contract')}>
                <Money fen={p.contractFen} strong />
              </Descriptions.Item>
              <Descriptions.Item label={t('delivery.overview.period')}>{`${formatDate(p.startDate)} ～ ${formatDate(p.endDate)}`}</Descriptions.Item>
              <Descriptions.Item label={t('delivery.overview.actualPeriod')}>{p.actualStart ? `${formatDate(p.actualStart)} ～ ${formatDate(p.actualEnd)}` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
