import { useEffect, useMemo, useRef } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../app/api-client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { createContract, getContract, getProposal, salesKeys, updateContract, type ContractInput } from '../api';
import { formatContractNumber } from '@domain/sales/contract.schema.js';
import { contractPrefill } from '../contract-prefill';
import { invalidateSales } from '../invalidate';
import { formatFen, instalmentBalance } from '../../../shared/money';
import { useSetting } from '../../../shared/hooks/useSetting';
import { AttachmentUpload } from '../components/AttachmentUpload';
import { DateField } from '../components/DateField';
import { Money } from '../components/Money';
import { MoneyInput } from '../components/MoneyInput';
import '../sales.css';

type Values = ContractInput;

/** Whether the instalments add up to the amount, shown as the user types. */
function InstalmentBalance({ amountFen, instalments }: { amountFen?: number | null; instalments?: { amountFen?: number | null }[] }) {
  const { t } = useTranslation();
  const b = instalmentBalance(amountFen, instalments);
  if (b.balanced) {
    return (
      <span className="balance-ok" data-testid="instalment-balance">
        <CheckCircleFilled /> {t('sales.contract.balanceOk', { total: formatFen(b.total) })}
      </span>
    );
  }
  return (
    <span className="balance-off" data-testid="instalment-balance">
      <ExclamationCircleFilled />{' '}
      {b.difference > 0
        ? t('sales.contract.balanceShort', { total: formatFen(b.total), amount: formatFen(b.amount), diff: formatFen(b.difference) })
        : t('sales.contract.balanceOver', { total: formatFen(b.total), amount: formatFen(b.amount), diff: formatFen(-b.difference) })}
    </span>
  );
}

/** A contract drafted from the accepted proposal (/contracts/new?proposalId=) or a draft revised (/contracts/:id/edit). */
export default function ContractEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const params = useParams();
  const [search] = useSearchParams();
  const contractId = params.id ? Number(params.id) : null;
  const contract = useQuery({ queryKey: salesKeys.contract(contractId ?? 0), queryFn: ({ signal }) => getContract(contractId!, signal), enabled: contractId !== null });
  const proposalId = contractId === null ? Number(search.get('proposalId')) || null : (contract.data?.proposalId ?? null);
  const proposal = useQuery({ queryKey: salesKeys.proposal(proposalId ?? 0), queryFn: ({ signal }) => getProposal(proposalId!, signal), enabled: proposalId !== null });
  const numberFormat = useSetting<string>('sales.contract.numberFormat');
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const filled = useRef(false);
  const amountFen = Form.useWatch('amountFen', form);
  const instalments = Form.useWatch('instalments', form);

  useEffect(() => {
    if (filled.current) return;
    if (contractId !== null && contract.data) {
      const c = contract.data;
      form.setFieldsValue({
        title: c.title,
        number: c.number,
        partyA: c.partyA,
        partyB: c.partyB,
        amountFen: c.amountFen,
        startDate: c.startDate,
        endDate: c.endDate,
        instalments: c.instalments.map((i) => ({ name: i.name, amountFen: i.amountFen, dueDate: i.dueDate })),
        terms: c.terms,
      });
      filled.current = true;
    } else if (contractId === null && proposal.data) {
      const p = proposal.data;
      const prefill = contractPrefill(p, (m) => t('sales.contract.instalmentAfter', { milestone: m }));
      form.setFieldsValue({
        title: t('sales.contract.defaultTitle', { title: p.leadTitle }),
        number: '',
        partyA: p.customerName,
        partyB: '',
        amountFen: prefill.amountFen,
        startDate: prefill.startDate ?? '',
        endDate: prefill.endDate ?? '',
        instalments: prefill.instalments,
        terms: '',
      });
      filled.current = true;
    }
  }, [contractId, contract.data, proposal.data, form, t]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: ContractInput = {
        title: v.title.trim(),
        partyA: v.partyA.trim(),
        partyB: v.partyB.trim(),
        amountFen: v.amountFen,
        startDate: v.startDate,
        endDate: v.endDate,
        instalments: v.instalments.map((i) => ({ name: i.name.trim(), amountFen: i.amountFen, dueDate: i.dueDate })),
        terms: v.terms?.trim() ?? '',
        ...(v.number?.trim() ? { number: v.number.trim() } : {}),
      };
      if (contractId !== null) return updateContract(contractId, { ...input, version: contract.data!.version });
      return createContract({ ...input, proposalId: proposalId!, ...(v.attachmentIds?.length ? { attachmentIds: v.attachmentIds } : {}) }, idempotencyKey);
    },
    onSuccess: (saved) => {
      invalidateSales(queryClient);
      void message.success(contractId === null ? t('sales.contract.created', { number: saved.number }) : t('sales.contract.updated'));
      navigate(`/contracts/${saved.id}`, { replace: contractId === null });
    },
    onError: (err) => handleError(err, { form, onConflict: () => void contract.refetch() }),
  });

  if ((contractId !== null && contract.isPending) || (proposalId !== null && proposal.isPending)) return <PageLoading />;
  if (contract.isError) return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  if (proposal.isError) return <LoadError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (proposalId === null) return <Alert type="warning" showIcon message={t('sales.contract.noProposal')} />;
  if (contract.data && !contract.data.actions.includes('edit')) {
    return <Alert type="warning" showIcon message={t('sales.contract.notEditable')} action={<Link to={`/contracts/${contract.data.id}`}>{t('sales.contract.backToContract')}</Link>} />;
  }
  if (contractId === null && proposal.data && proposal.data.status !== 'accepted') {
    return <Alert type="warning" showIcon message={t('sales.contract.proposalNotAccepted')} action={<Link to={`/proposals/${proposal.data.id}`}>{t('sales.proposal.backToProposal')}</Link>} />;
  }
  const p = proposal.data;

  return (
    <>
      <PageHeader title={contract.data ? t('sales.contract.editTitle', { number: contract.data.number }) : t('sales.contract.createTitle')} subtitle={t('sales.contract.editSubtitle')} />
      {p && (
        <Card className="page-card section-card" size="small" title={t('sales.contract.basedOn')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}>
            <Descriptions.Item label={t('sales.proposal.fields.title')}>
              <Link to={`/proposals/${p.id}`}>{p.title}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.lead.fields.customer')}>{p.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('sales.proposal.total')}>
              <Money fen={p.totalFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sales.proposal.view.milestones')}>{t('sales.contract.milestoneCount', { count: p.milestones.length })}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card className="page-card paper-form">
        <Typography.Title level={4} className="paper-form-title">
          {t('sales.contract.formName')}
        </Typography.Title>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="contract-form" scrollToFirstError>
          <div className="paper-section-title">{t('sales.contract.sections.basic')}</div>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="title" label={t('sales.contract.fields.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="number"
                label={t('sales.contract.fields.number')}
                extra={numberFormat ? t('sales.contract.numberHint', { example: formatContractNumber(numberFormat, new Date().getFullYear(), 1) }) : undefined}
                rules={[{ pattern: /^[A-Za-z0-9-]*$/, message: t('sales.contract.numberInvalid') }, { max: 100 }]}
              >
                <Input maxLength={100} placeholder={t('sales.contract.numberPlaceholder')} className="mono" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="partyA" label={t('sales.contract.fields.partyA')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="partyB" label={t('sales.contract.fields.partyB')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input maxLength={100} placeholder={t('sales.contract.fields.partyBPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="amountFen" label={t('sales.contract.fields.amount')} rules={[{ required: true, message: t('sales.amountRequired') }, { validator: (_, v: number | null) => (v === null || v === undefined || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('sales.contract.amountPositive')))) }]}>
                <MoneyInput data-testid="contract-amount" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="startDate" label={t('sales.contract.fields.startDate')} rules={[{ required: true, message: t('sales.proposal.dateRequired') }]}>
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="endDate"
                label={t('sales.contract.fields.endDate')}
                dependencies={['startDate']}
                rules={[
                  { required: true, message: t('sales.proposal.dateRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_, end: string | null) => {
                      const start = getFieldValue('startDate') as string | null;
                      return !end || !start || start <= end ? Promise.resolve() : Promise.reject(new Error(t('sales.dateOrder')));
                    },
                  }),
                ]}
              >
                <DateField />
              </Form.Item>
            </Col>
          </Row>

          <div className="paper-section-title">{t('sales.contract.sections.schedule')}</div>
          <Form.List
            name="instalments"
            rules={[
              {
                validator: (_, list: { amountFen?: number | null }[]) => {
                  if (!list || list.length === 0) return Promise.reject(new Error(t('sales.contract.instalmentsRequired')));
                  const b = instalmentBalance(form.getFieldValue('amountFen') as number | null, list);
                  return b.balanced ? Promise.resolve() : Promise.reject(new Error(t('sales.contract.instalmentsMustAddUp')));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div className="list-editor" data-testid="instalments-editor">
                <Row gutter={8} className="list-editor-head">
                  <Col flex="28px">#</Col>
                  <Col flex="1 1 220px">{t('sales.contract.fields.instalmentName')}</Col>
                  <Col flex="0 0 180px">{t('sales.contract.fields.instalmentAmount')}</Col>
                  <Col flex="0 0 160px">{t('sales.contract.fields.dueDate')}</Col>
                  <Col flex="32px" />
                </Row>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={8} align="top" className="list-editor-row">
                    <Col flex="28px" className="list-editor-index">
                      {index + 1}
                    </Col>
                    <Col flex="1 1 220px">
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('sales.contract.instalmentNameRequired') }, { max: 100 }]}>
                        <Input maxLength={100} placeholder={t('sales.contract.fields.instalmentName')} />
                      </Form.Item>
                    </Col>
                    <Col flex="0 0 180px">
                      <Form.Item name={[field.name, 'amountFen']} rules={[{ required: true, message: t('sales.amountRequired') }]}>
                        <MoneyInput />
                      </Form.Item>
                    </Col>
                    <Col flex="0 0 160px">
                      <Form.Item name={[field.name, 'dueDate']} rules={[{ required: true, message: t('sales.proposal.dateRequired') }]}>
                        <DateField />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('sales.removeRow')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Flex justify="space-between" align="center" wrap gap={8} className="list-editor-total">
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amountFen: null, dueDate: '' })}>
                    {t('sales.contract.addInstalment')}
                  </Button>
                  <InstalmentBalance amountFen={amountFen} instalments={instalments} />
                </Flex>
              </div>
            )}
          </Form.List>

          <div className="paper-section-title">{t('sales.contract.sections.terms')}</div>
          <Form.Item name="terms" label={t('sales.contract.fields.terms')} rules={[{ max: 20000 }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} placeholder={t('sales.contract.fields.termsPlaceholder')} />
          </Form.Item>
          {contractId === null && (
            <Form.Item name="attachmentIds" label={t('sales.contract.fields.attachments')}>
              <AttachmentUpload />
            </Form.Item>
          )}
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => navigate(-1)}>{t('sales.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="contract-save">
              {contractId === null ? t('sales.contract.create') : t('common.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
