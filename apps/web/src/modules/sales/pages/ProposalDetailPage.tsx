import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Popconfirm, Row, Space, Tabs, Timeline, Typography } from 'antd';
import { EditOutlined, FileDoneOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { ApprovalPanel, DecisionModal, findApprovalOf, workbenchKeys } from '../../workbench';
import { getProposal, getProposalHistory, proposalAction, salesKeys, type ProposalAction, type ProposalDto } from '../api';
import { invalidateSales } from '../invalidate';
import { Money } from '../components/Money';
import { ProposalStatusTag } from '../components/StatusTags';
import { ProposalContentView } from '../components/ProposalContentView';
import { VersionHistory } from '../components/VersionHistory';
import { NegotiationModal } from '../components/NegotiationModal';
import '../sales.css';
import { TWO_COLUMNS } from '../table-utils';

/** The proposal with its review actions, approval timeline, versions with diffs, negotiation rounds and the customer's answer. */
export default function ProposalDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const canCreateContract = useCan('contract.create');
  const isMobile = useIsMobile();
  const [deciding, setDeciding] = useState<'approve' | 'return' | null>(null);
  const [negotiating, setNegotiating] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [declineForm] = Form.useForm<{ reason: string }>();
  const proposal = useQuery({ queryKey: salesKeys.proposal(id), queryFn: ({ signal }) => getProposal(id, signal), enabled: Number.isInteger(id) });
  const history = useQuery({ queryKey: salesKeys.proposalHistory(id), queryFn: ({ signal }) => getProposalHistory(id, signal), enabled: Number.isInteger(id) });
  const approval = useQuery({ queryKey: workbenchKeys.approvalOf('proposal', id), queryFn: ({ signal }) => findApprovalOf('proposal', id, signal), enabled: Number.isInteger(id) });

  const refresh = () => {
    invalidateSales(queryClient);
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  };
  const act = useMutation({
    mutationFn: ({ action, body }: { action: ProposalAction; body?: Record<string, string> }) => proposalAction(id, action, body),
    onSuccess: (saved: ProposalDto, { action }) => {
      refresh();
      setDeciding(null);
      setDeclining(false);
      const done: Record<ProposalAction, string> = {
        submit: t('sales.proposal.submitted'),
        approve: saved.status === 'approved' ? t('sales.proposal.approvedDone') : t('sales.proposal.approvedNextStep'),
        return: t('sales.proposal.returnedDone'),
        send: t('sales.proposal.sentDone'),
        'customer-accept': t('sales.proposal.acceptedDone'),
        'customer-decline': t('sales.proposal.declinedDone'),
      };
      void message.success(done[action]);
    },
    onError: (err) => handleError(err, { onConflict: refresh }),
  });

  if (proposal.isPending) return <PageLoading />;
  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const actions = new Set(p.actions);
  const versions = history.data?.versions ?? [];
  const lastReturned = p.status === 'returned' ? versions.find((v) => v.decision === 'returned') : undefined;
  const negotiations = history.data?.negotiations ?? [];

  const approvalCard = (
    <Card className="page-card" title={t('sales.proposal.approvalTitle')} data-testid="proposal-approval">
      {approval.isError ? (
        <LoadError error={approval.error} onRetry={() => void approval.refetch()} />
      ) : approval.data ? (
        <ApprovalPanel approval={approval.data} onChanged={refresh} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={approval.isPending ? t('common.loading') : p.status === 'draft' && versions.length === 0 ? t('sales.proposal.notSubmitted') : t('sales.proposal.noApprovalVisible')} />
      )}
    </Card>
  );

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {p.title}
            <ProposalStatusTag status={p.status} />
          </Space>
        }
        subtitle={t('sales.proposal.headerLine', { code: p.code, customer: p.customerName, version: p.versionNo, author: p.authorName })}
        extra={
          <>
            {actions.has('approve') && (
              <Button type="primary" onClick={() => setDeciding('approve')} data-testid="proposal-approve">
                {t('workbench.decision.approve')}
              </Button>
            )}
            {actions.has('return') && (
              <Button danger onClick={() => setDeciding('return')} data-testid="proposal-return">
                {t('workbench.decision.return')}
              </Button>
            )}
            {actions.has('edit') && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/proposals/${p.id}/edit`)} data-testid="proposal-edit">
                {p.status === 'returned' ? t('sales.proposal.revise') : t('common.edit')}
              </Button>
            )}
            {actions.has('submit') && (
              <Popconfirm title={t('sales.proposal.submitConfirm')} onConfirm={() => act.mutate({ action: 'submit' })}>
                <Button type="primary" loading={act.isPending} data-testid="proposal-submit">
                  {p.status === 'returned' ? t('sales.proposal.resubmit') : t('sales.proposal.submit')}
                </Button>
              </Popconfirm>
            )}
            {actions.has('send') && (
              <Popconfirm title={t('sales.proposal.sendConfirm', { customer: p.customerName })} onConfirm={() => act.mutate({ action: 'send' })}>
                <Button type="primary" icon={<SendOutlined />} loading={act.isPending} data-testid="proposal-send">
                  {t('sales.proposal.send')}
                </Button>
              </Popconfirm>
            )}
            {actions.has('negotiate') && (
              <Button icon={<MessageOutlined />} onClick={() => setNegotiating(true)} data-testid="proposal-negotiate">
                {t('sales.negotiation.add')}
              </Button>
            )}
            {actions.has('customer-accept') && (
              <Popconfirm title={t('sales.proposal.acceptConfirm')} onConfirm={() => act.mutate({ action: 'customer-accept' })}>
                <Button type="primary" loading={act.isPending} data-testid="proposal-customer-accept">
                  {t('sales.proposal.customerAccept')}
                </Button>
              </Popconfirm>
            )}
            {actions.has('customer-decline') && (
              <Button danger onClick={() => setDeclining(true)} data-testid="proposal-customer-decline">
                {t('sales.proposal.customerDecline')}
              </Button>
            )}
            {p.status === 'accepted' && p.contractId === null && canCreateContract && (
              <Button type="primary" icon={<FileDoneOutlined />} onClick={() => navigate(`/contracts/new?proposalId=${p.id}`)} data-testid="proposal-create-contract">
                {t('sales.proposal.createContract')}
              </Button>
            )}
            {p.contractId !== null && (
              <Button icon={<FileDoneOutlined />} onClick={() => navigate(`/contracts/${p.contractId}`)}>
                {t('sales.proposal.viewContract')}
              </Button>
            )}
          </>
        }
      />
      {lastReturned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('sales.proposal.returnedBy', { name: lastReturned.decidedByName ?? '', version: lastReturned.versionNo })}
          description={<span className="pre-wrap">{lastReturned.comment}</span>}
          data-testid="returned-comment"
        />
      )}
      {p.status === 'declined' && p.declineReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('sales.proposal.declinedBanner')} description={p.declineReason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="page-card" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                {
                  key: 'content',
                  label: t('sales.proposal.tabs.content'),
                  children: (
                    <Flex vertical gap={16}>
                      <Descriptions size="small" column={TWO_COLUMNS}>
                        <Descriptions.Item label={t('sales.lead.fields.customer')}>
                          <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>
                        </Descriptions.Item>
                        <Descriptions.Item label={t('sales.proposal.fields.lead')}>
                          <Link to={`/leads/${p.leadId}`}>{p.leadTitle}</Link>
                        </Descriptions.Item>
                        <Descriptions.Item label={t('sales.proposal.fields.author')}>{p.authorName}</Descriptions.Item>
                        <Descriptions.Item label={t('sales.proposal.total')}>
                          <Money fen={p.totalFen} strong />
                        </Descriptions.Item>
                        <Descriptions.Item label={t('sales.proposal.fields.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
                      </Descriptions>
                      <ProposalContentView content={p} compact={isMobile} />
                    </Flex>
                  ),
                },
                {
                  key: 'versions',
                  label: t('sales.proposal.tabs.versions', { count: versions.length }),
                  children: history.isError ? <LoadError error={history.error} onRetry={() => void history.refetch()} /> : <VersionHistory versions={versions} />,
                },
                {
                  key: 'negotiations',
                  label: t('sales.proposal.tabs.negotiations', { count: negotiations.length }),
                  children:
                    negotiations.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.status === 'sent' ? t('sales.negotiation.emptySent') : t('sales.negotiation.empty')} />
                    ) : (
                      <Timeline
                        data-testid="negotiations"
                        items={negotiations.map((n, i) => ({
                          key: n.id,
                          children: (
                            <div className="negotiation">
                              <Typography.Text strong>{t('sales.negotiation.round', { n: negotiations.length - i, date: formatDate(n.date) })}</Typography.Text>
                              <div className="timeline-detail">{t('sales.negotiation.participantsLine', { participants: n.participants })}</div>
                              <div className="pre-wrap">{n.points}</div>
                              {n.outcome && <div className="negotiation-outcome">{t('sales.negotiation.outcomeLine', { outcome: n.outcome })}</div>}
                              <div className="timeline-time">{t('sales.negotiation.recordedBy', { name: n.createdBy ?? '', at: formatDateTime(n.createdAt) })}</div>
                            </div>
                          ),
                        }))}
                      />
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {approvalCard}
        </Col>
      </Row>
      <DecisionModal
        decision={deciding}
        title={p.title}
        pending={act.isPending}
        onCancel={() => setDeciding(null)}
        onSubmit={(comment) => act.mutate({ action: deciding!, body: comment ? { comment } : {} })}
      />
      <NegotiationModal proposalId={negotiating ? p.id : null} onClose={() => setNegotiating(false)} />
      <Modal
        open={declining}
        title={t('sales.proposal.declineTitle')}
        onCancel={() => setDeclining(false)}
        onOk={() => declineForm.submit()}
        okText={t('sales.proposal.customerDecline')}
        okButtonProps={{ danger: true }}
        confirmLoading={act.isPending}
        destroyOnHidden
        forceRender
      >
        <Form form={declineForm} layout="vertical" onFinish={(v) => act.mutate({ action: 'customer-decline', body: { reason: v.reason.trim() } })}>
          <Form.Item name="reason" label={t('sales.proposal.declineReason')} rules={[{ required: true, whitespace: true, message: t('sales.proposal.declineReasonRequired') }, { max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
