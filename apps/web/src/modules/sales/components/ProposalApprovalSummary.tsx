import { Collapse, Descriptions, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/components/LoadError';
import { PageLoading } from '../../../shared/components/PageLoading';
import { getProposal, getProposalHistory, salesKeys } from '../api';
import { Money } from './Money';
import { ProposalStatusTag } from './StatusTags';
import { ProposalContentView } from './ProposalContentView';
import { VersionHistory } from './VersionHistory';
import '../sales.css';
import { THREE_COLUMNS } from '../table-utils';

/** What an approver needs on the approval page: the proposal, and what changed since the version they returned. */
export default function ProposalApprovalSummary({ entityId }: { entityId: number }) {
  const { t } = useTranslation();
  const proposal = useQuery({ queryKey: salesKeys.proposal(entityId), queryFn: ({ signal }) => getProposal(entityId, signal) });
  const history = useQuery({ queryKey: salesKeys.proposalHistory(entityId), queryFn: ({ signal }) => getProposalHistory(entityId, signal) });
  if (proposal.isPending || history.isPending) return <PageLoading />;
  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const versions = history.data?.versions ?? [];
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={THREE_COLUMNS}>
        <Descriptions.Item label={t('sales.proposal.fields.title')}>
          <Link to={`/proposals/${p.id}`}>{p.title}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.proposal.fields.status')}>
          <ProposalStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.lead.fields.customer')}>{p.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('sales.proposal.total')}>
          <Money fen={p.totalFen} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.proposal.fields.author')}>{p.authorName}</Descriptions.Item>
        <Descriptions.Item label={t('sales.proposal.fields.version')}>{t('sales.versions.label', { version: p.versionNo })}</Descriptions.Item>
      </Descriptions>
      <Collapse
        defaultActiveKey={versions.length > 1 ? ['versions'] : ['content']}
        items={[
          { key: 'content', label: t('sales.proposal.tabs.content'), children: <ProposalContentView content={p} compact /> },
          {
            key: 'versions',
            label: t('sales.proposal.tabs.versions', { count: versions.length }),
            children: versions.length ? <VersionHistory versions={versions} /> : <Typography.Text type="secondary">{t('sales.versions.empty')}</Typography.Text>,
          },
        ]}
      />
    </Flex>
  );
}
