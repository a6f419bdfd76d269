import { useState } from 'react';
import { Badge, Card, Flex, List, Space, Tabs, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { formatFen } from '../../../shared/money';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { listApprovals, workbenchKeys, type ApprovalBox, type ApprovalSummaryDto } from '../api';
import { ApprovalStatusTag } from '../components/ApprovalPanel';
import { daysWaiting, fromNow } from '../time';
import '../workbench.css';

const PAGE_SIZE = 20;

/** "待我审批" and the other two boxes, as DingTalk/Feishu users know them. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const [box, setBox] = useState<ApprovalBox>('pending');
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: workbenchKeys.approvals(box, undefined, page, PAGE_SIZE), queryFn: ({ signal }) => listApprovals(box, { page, pageSize: PAGE_SIZE }, signal) });
  const pendingCount = useQuery({ queryKey: workbenchKeys.approvals('pending', undefined, 1, 1), queryFn: ({ signal }) => listApprovals('pending', { page: 1, pageSize: 1 }, signal) });

  const renderItem = (a: ApprovalSummaryDto) => {
    const waited = daysWaiting(a.stepStartedAt ?? a.createdAt);
    return (
      <List.Item key={a.id} className="work-item" data-testid={`approval-row-${a.id}`}>
        <Link to={`/approvals/${a.id}`} className="work-item-link">
          <Flex justify="space-between" align="center" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Space size={6} wrap>
                <Tag color="blue">{tl(`workbench.entities.${a.entity}`, t('workbench.entities.other'))}</Tag>
                <Typography.Text strong>{a.title}</Typography.Text>
              </Space>
              <div className="work-item-meta">
                {t('workbench.approvals.submittedBy', { name: a.createdByName ?? t('workbench.system'), ago: fromNow(a.createdAt) })}
                {a.amountFen !== null && <span className="work-item-amount">{formatFen(a.amountFen)}</span>}
              </div>
              <div className="work-item-meta">
                <ApprovalStatusTag status={a.status} />
                {a.status === 'pending' && a.currentStep !== null && <span>{t('workbench.approval.stepOf', { step: a.currentStep, count: a.stepCount })}</span>}
                {a.status !== 'pending' && a.decidedAt && <span title={formatDateTime(a.decidedAt)}>{t('workbench.approvals.decidedAt', { ago: fromNow(a.decidedAt) })}</span>}
                {box === 'pending' && waited >= 2 && <Tag color="red">{t('workbench.myWork.waitingDays', { count: waited })}</Tag>}
              </div>
            </div>
            <RightOutlined className="work-item-arrow" />
          </Flex>
        </Link>
      </List.Item>
    );
  };

  return (
    <>
      <PageHeader title={t('workbench.approvals.title')} subtitle={t('workbench.approvals.subtitle')} />
      <Card className="page-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={box}
          onChange={(k) => {
            setBox(k as ApprovalBox);
            setPage(1);
          }}
          items={[
            { key: 'pending', label: <Space size={6}>{t('workbench.approvals.boxes.pending')}<Badge count={pendingCount.data?.total ?? 0} /></Space> },
            { key: 'submitted', label: t('workbench.approvals.boxes.submitted') },
            { key: 'cc', label: t('workbench.approvals.boxes.cc') },
          ]}
        />
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <List<ApprovalSummaryDto>
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            renderItem={renderItem}
            locale={{ emptyText: <EmptyState title={t(`workbench.approvals.empty.${box}`)} /> }}
            pagination={
              (query.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }), size: 'small' }
                : false
            }
          />
        )}
      </Card>
    </>
  );
}
