import { useEffect, useMemo, useRef } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../app/api-client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createProposal, getLead, getNeedsAnalysis, getProposal, getProposalHistory, proposalAction, salesKeys, updateProposal, type ProposalDto } from '../api';
import { invalidateSales } from '../invalidate';
import { Money } from '../components/Money';
import { ProposalFormFields, proposalContentOf, type ProposalValues } from '../components/ProposalForm';
import '../sales.css';

/** Drafting a proposal from an analysed lead (/proposals/new?leadId=) or revising a draft or returned one (/proposals/:id/edit). */
export default function ProposalEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<ProposalValues>();
  const params = useParams();
  const [search] = useSearchParams();
  const proposalId = params.id ? Number(params.id) : null;
  const proposal = useQuery({ queryKey: salesKeys.proposal(proposalId ?? 0), queryFn: ({ signal }) => getProposal(proposalId!, signal), enabled: proposalId !== null });
  const leadId = proposalId === null ? Number(search.get('leadId')) || null : (proposal.data?.leadId ?? null);
  const lead = useQuery({ queryKey: salesKeys.lead(leadId ?? 0), queryFn: ({ signal }) => getLead(leadId!, signal), enabled: leadId !== null });
  const needs = useQuery({ queryKey: salesKeys.needsAnalysis(leadId ?? 0), queryFn: ({ signal }) => getNeedsAnalysis(leadId!, signal), enabled: leadId !== null });
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const submitAfterSave = useRef(false);
  const filled = useRef(false);

  useEffect(() => {
    if (filled.current) return;
    if (proposalId !== null && proposal.data) {
      const p = proposal.data;
      form.setFieldsValue({ title: p.title, goals: p.goals, workContent: p.workContent, milestones: p.milestones, budgetLines: p.budgetLines.map((l) => ({ ...l, note: l.note ?? '' })), assumptions: p.assumptions });
      filled.current = true;
    } else if (proposalId === null && lead.data) {
      form.setFieldsValue({
        title: t('sales.proposal.defaultTitle', { title: lead.data.title }),
        milestones: [{ name: '', start: '', end: '', deliverable: '' }],
        budgetLines: [{ item: '', amountFen: null as unknown as number, note: '' }],
        assumptions: '',
      });
      filled.current = true;
    }
  }, [proposalId, proposal.data, lead.data, form, t]);

  const save = useMutation({
    mutationFn: async (v: ProposalValues): Promise<ProposalDto> => {
      const content = proposalContentOf(v);
      let saved = proposalId === null ? await createProposal({ ...content, leadId: leadId! }, idempotencyKey) : await updateProposal(proposalId, { ...content, version: proposal.data!.version });
      if (submitAfterSave.current) saved = await proposalAction(saved.id, 'submit');
      return saved;
    },
    onSuccess: (saved) => {
      invalidateSales(queryClient);
      void message.success(saved.status === 'in_review' ? t('sales.proposal.submitted') : t('sales.proposal.saved'));
      navigate(`/proposals/${saved.id}`, { replace: proposalId === null });
    },
    onError: (err) => handleError(err, { form, onConflict: () => void proposal.refetch() }),
  });

  if ((proposalId !== null && proposal.isPending) || (leadId !== null && lead.isPending)) return <PageLoading />;
  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (lead.isError) return <LoadError error={lead.error} onRetry={() => void lead.refetch()} />;
  if (leadId === null) return <Alert type="warning" showIcon message={t('sales.proposal.noLead')} />;
  if (proposal.data && !proposal.data.actions.includes('edit')) {
    return <Alert type="warning" showIcon message={t('sales.proposal.notEditable')} action={<Link to={`/proposals/${proposal.data.id}`}>{t('sales.proposal.backToProposal')}</Link>} />;
  }
  const current = proposal.data;
  const returnedComment = current?.status === 'returned';

  return (
    <>
      <PageHeader
        title={current ? t('sales.proposal.editTitle', { code: current.code }) : t('sales.proposal.createTitle')}
        subtitle={t('sales.proposal.editSubtitle')}
      />
      {lead.data && (
        <Card className="page-card section-card" size="small" title={t('sales.proposal.basedOn')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}>
            <Descriptions.Item label={t('sales.lead.fields.title')}>
              <Link to={`/leads/${lead.data.id}`}>{lead.data.title}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.lead.fields.customer')}>{lead.data.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('sales.lead.fields.expectedValue')}>
              <Money fen={lead.data.expectedValueFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.needs.fields.budget')}>
              {needs.data?.current?.content.budgetMinFen !== undefined || needs.data?.current?.content.budgetMaxFen !== undefined ? (
                <span>
                  <Money fen={needs.data?.current?.content.budgetMinFen ?? null} /> ～ <Money fen={needs.data?.current?.content.budgetMaxFen ?? null} />
                </span>
              ) : (
                t('common.emptyValue')
              )}
            </Descriptions.Item>
          </Descriptions>
          {needs.data?.current && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('sales.more') }}>
              {t('sales.proposal.requirementsLine', { list: needs.data.current.content.requirements.map((r) => `${r.item}（${t(`sales.priority.${r.priority}`)}）`).join('；') })}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {returnedComment && <ReturnedNotice proposalId={current.id} />}
      <Card className="page-card paper-form">
        <Typography.Title level={4} className="paper-form-title">
          {t('sales.proposal.formName')}
        </Typography.Title>
        <Form<ProposalValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="proposal-form" scrollToFirstError>
          <ProposalFormFields form={form} />
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => navigate(-1)}>{t('sales.cancel')}</Button>
            <Button
              loading={save.isPending && !submitAfterSave.current}
              onClick={() => {
                submitAfterSave.current = false;
                form.submit();
              }}
              data-testid="proposal-save"
            >
              {t('sales.proposal.saveDraft')}
            </Button>
            <Button
              type="primary"
              loading={save.isPending && submitAfterSave.current}
              onClick={() => {
                submitAfterSave.current = true;
                form.submit();
              }}
              data-testid="proposal-save-submit"
            >
              {t('sales.proposal.saveAndSubmit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

/** The reviewer's comment on the returned version, shown while revising. */
function ReturnedNotice({ proposalId }: { proposalId: number }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: salesKeys.proposalHistory(proposalId), queryFn: ({ signal }) => getProposalHistory(proposalId, signal) });
  const last = history.data?.versions.find((v) => v.decision === 'returned');
  if (!last) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('sales.proposal.returnedBy', { name: last.decidedByName ?? '', version: last.versionNo })}
      description={<span className="pre-wrap">{last.comment}</span>}
    />
  );
}
