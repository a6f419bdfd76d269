import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Space, Steps, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '@domain/delivery/project.machine.js';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDate } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { deliveryKeys, getProject, type ProjectDto } from '../api';
import { HealthTag, ProjectStatusTag } from '../components/tags';
import { ProjectActions } from '../components/ProjectActions';
import { PanelBody, useRecordPanels } from '../../../shared/record-panels';
import '../delivery.css';

const TABS = {
  overview: lazy(() => import('../tabs/OverviewTab')),
  team: lazy(() => import('../tabs/TeamTab')),
  plan: lazy(() => import('../tabs/PlanTab')),
  progress: lazy(() => import('../tabs/ProgressTab')),
  issues: lazy(() => import('../tabs/IssuesTab')),
  changes: lazy(() => import('../tabs/ChangesTab')),
  expenses: lazy(() => import('../tabs/ExpensesTab')),
  acceptance: lazy(() => import('../tabs/AcceptanceTab')),
  settlement: lazy(() => import('../tabs/SettlementTab')),
  documents: lazy(() => import('../tabs/DocumentsTab')),
  retrospective: lazy(() => import('../tabs/RetrospectiveTab')),
} as const;
type TabKey = keyof typeof TABS;
export type TabProps = { project: ProjectDto };

/** The project page: where it stands in its life, its health, and a tab for each part of the work. */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'overview';
  const panels = useRecordPanels('project');
  const query = useQuery({ queryKey: deliveryKeys.project(id), queryFn: ({ signal }) => getProject(id, signal), enabled: Number.isInteger(id) });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const step = PROJECT_STATUSES.indexOf(p.status);

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {p.name}
            <ProjectStatusTag status={p.status} />
            {p.status !== 'closed' && <HealthTag level={p.healthDetail.level} factors={p.healthDetail.factors} />}
          </Space>
        }
        subtitle={t('delivery.detail.headerLine', { code: p.code, customer: p.customerName, pm: p.pmName })}
        extra={<ProjectActions project={p} />}
      />
      {p.status === 'closed' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('delivery.detail.closedBanner', { date: formatDate(p.actualEnd) })}
          description={p.writeOffFen > 0 ? t('delivery.detail.writeOffBanner', { amount: formatFen(p.writeOffFen), reason: p.writeOffReason ?? '' }) : undefined}
        />
      )}
      <div className="project-steps">
        <Steps size="small" current={step} status={p.status === 'closed' ? 'finish' : 'process'} items={PROJECT_STATUSES.map((s) => ({ title: t(`delivery.status.${s}`) }))} responsive />
      </div>
      <Tabs
        className="project-tabs"
        activeKey={tab in TABS || panels.some((panel) => panel.key === tab) ? tab : 'overview'}
        onChange={(key) => setSearch((prev) => {
          const next = new URLSearchParams(prev);
          next.set('tab', key);
          return next;
        }, { replace: true })}
        items={(Object.keys(TABS) as TabKey[]).map((key): { key: string; label: ReactNode; children: ReactNode } => {
          const Tab = TABS[key];
          return {
            key,
            label: <span data-testid={`tab-${key}`}>{t(`delivery.detail.tabs.${key}`)}</span>,
            children: (
              <Suspense fallback={<PageLoading />}>
                <Tab project={p} />
              </Suspense>
            ),
          };
        }).concat(
          // Other modules' panels on a project (its risks, its meetings…), after the project's own tabs.
          panels.map((panel) => ({
            key: panel.key,
            label: <span data-testid={`tab-${panel.key}`}>{t(panel.title)}</span>,
            children: <PanelBody panel={panel} recordId={p.id} />,
          })),
        )}
        destroyOnHidden
      />
    </>
  );
}
