import { Suspense, useState } from 'react';
import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { getApproval, workbenchKeys } from '../api';
import { approvalEntity } from '../approval-entities';
import { ApprovalPanel, ApprovalStatusTag } from '../components/ApprovalPanel';
import { DecisionModal } from '../components/DecisionModal';
import { fromNow } from '../time';
import '../workbench.css';

/** One approval: approve/return at the top (first screen on a phone), progress with transfer and remind, the timeline, and the record under review. */
export default function ApprovalDetailPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [deciding, setDeciding] = useState<'approve' | 'return' | null>(null);
  const query = useQuery({ queryKey: workbenchKeys.approval(id), queryFn: ({ signal }) => getApproval(id, signal), enabled: Number.isInteger(id) });
  const spec = query.data ? approvalEntity(query.data.entity) : undefined;

  const refresh = () => {
    for (const key of ['approvals', 'my-work', 'notifications', 'proposals', 'leads', 'contracts', 'kanban', 'pipeline']) void queryClient.invalidateQueries({ queryKey: [key] });
  };
  const decide = useMutation({
    mutationFn: ({ decision, comment }: { decision: 'approve' | 'return'; comment: string }) => spec!.decide(query.data!.entityId, decision, comment || undefined),
    onSuccess: (_, { decision }) => {
      setDeciding(null);
      void message.success(decision === 'approve' ? t('workbench.decision.approved') : t('workbench.decision.returned'));
      refresh();
    },
    onError: (err) => handleError(err, { onConflict: refresh }),
  });

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const canDecide = a.actions.includes('decide') && !!spec;
  const Summary = spec?.Summary;

  return (
    <div className="approval-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            {a.title}
            <ApprovalStatusTag status={a.status} />
          </Space>
        }
        subtitle={t('workbench.approval.headerLine', { entity: tl(`workbench.entities.${a.entity}`, t('workbench.entities.other')), name: a.createdByName ?? t('workbench.system'), ago: fromNow(a.createdAt) })}
        extra={
          <div className="approval-decide" data-testid="approval-actions">
            {canDecide && (
              <>
                <Button danger onClick={() => setDeciding('return')} data-testid="approval-return">
                  {t('workbench.decision.return')}
                </Button>
                <Button type="primary" onClick={() => setDeciding('approve')} data-testid="approval-approve">
                  {t('workbench.decision.approve')}
                </Button>
              </>
            )}
            {spec && (
              <Link to={spec.link(a.entityId)}>
                <Button icon={<LinkOutlined />}>{t('workbench.approval.openRecord')}</Button>
              </Link>
            )}
          </div>
        }
      />
      <Flex vertical gap={16}>
        <Card className="page-card" title={t('workbench.approval.progress')}>
          <ApprovalPanel approval={a} onChanged={() => void query.refetch()} />
        </Card>
        <Card className="page-card" title={<Space>{t('workbench.approval.record')}<Tag>{tl(`workbench.entities.${a.entity}`, t('workbench.entities.other'))}</Tag></Space>}>
          {Summary ? (
            <Suspense fallback={<PageLoading />}>
              <Summary entityId={a.entityId} />
            </Suspense>
          ) : (
            <Typography.Text type="secondary">{t('workbench.approval.noSummary')}</Typography.Text>
          )}
        </Card>
      </Flex>
      <DecisionModal
        decision={deciding}
        title={a.title}
        pending={decide.isPending}
        onCancel={() => setDeciding(null)}
        onSubmit={(comment) => decide.mutate({ decision: deciding!, comment })}
      />
    </div>
  );
}
