import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { formatFen, fenToYuanText, yuanTextToFen } from '../../../shared/money';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { appraisalKeys, decideResult, listCycles, listResults, updateResult, type ResultDto } from '../api';
import { GradeTag, Score } from '../components/StatusTags';
import { useNames } from '../components/useNames';
import '../appraisal.css';

const KINDS = ['bonus', 'position_adjustment', 'promotion'] as const;
const DECISION_COLOR = { pending: 'processing', accepted: 'success', declined: 'default' } as const;

/** Results applied [4.5]: bonus per grade, position-adjustment flags, promotion/reward candidates, each decided and audited. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { cycleLabel } = useNames();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('bonus');
  const [cycleId, setCycleId] = useState<number | undefined>();
  const [deciding, setDeciding] = useState<ResultDto | null>(null);
  const [editing, setEditing] = useState<ResultDto | null>(null);
  const [form] = Form.useForm<{ decision: 'accepted' | 'declined'; note?: string }>();
  const [baseForm] = Form.useForm<{ base: number }>();
  const cycles = useQuery({ queryKey: appraisalKeys.cycles({ page: 1, pageSize: 100 }), queryFn: ({ signal }) => listCycles({ page: 1, pageSize: 100 }, signal) });
  const params = { page: 1, pageSize: 200, kind, ...(cycleId ? { cycleId } : {}) };
  const results = useQuery({ queryKey: appraisalKeys.results(params), queryFn: ({ signal }) => listResults(params, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: appraisalKeys.root });

  const table = (
    <Table<ResultDto>
      rowKey="id"
      size="middle"
      loading={results.isPending}
      dataSource={results.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState title={t(`appraisal.results.empty.${kind}`)} /> }}
      summary={(rows) =>
        kind === 'bonus' && rows.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6}>
              <Typography.Text strong>{t('appraisal.results.bonusTotal')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{formatFen(rows.reduce((s, r) => s + (r.amountFen ?? 0), 0))}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={3} />
          </Table.Summary.Row>
        ) : undefined
      }
      columns={[
        { title: t('appraisal.fields.employee'), key: 'employee', render: (_, r) => <Link to={`/appraisal/appraisals/${r.appraisalId}`}>{r.employeeName}</Link> },
        { title: t('appraisal.fields.cycle'), key: 'cycle', render: (_, r) => cycleLabel(r.cycleType, r.period) },
        { title: t('appraisal.fields.department'), dataIndex: 'departmentName', responsive: ['lg'] },
        { title: t('appraisal.fields.finalScore'), key: 'final', align: 'right', render: (_, r) => <Score value={r.finalScore} /> },
        { title: t('appraisal.fields.grade'), key: 'grade', render: (_, r) => <GradeTag grade={r.grade} /> },
        ...(kind === 'bonus'
          ? [
              {
                title: t('appraisal.results.base'),
                key: 'base',
                align: 'right' as const,
                render: (_: unknown, r: ResultDto) => (
                  <Space size={4}>
                    {formatFen(r.baseFen)}
                    {r.actions.includes('edit') && (
                      <Typography.Link
                        onClick={() => {
                          baseForm.setFieldsValue({ base: Number(fenToYuanText(r.baseFen)) });
                          setEditing(r);
                        }}
                      >
                        {t('appraisal.results.editBase')}
                      </Typography.Link>
                    )}
                  </Space>
                ),
              },
              { title: t('appraisal.results.amount'), key: 'amount', align: 'right' as const, render: (_: unknown, r: ResultDto) => <span title={`× ${r.coefficient ?? '—'}`}>{formatFen(r.amountFen)}</span> },
            ]
          : [
              {
                title: t('appraisal.results.basis'),
                key: 'basis',
                render: (_: unknown, r: ResultDto) => r.basis.map((b) => `${b.period} ${b.grade ?? '—'}`).join(' → '),
              },
            ]),
        { title: t('appraisal.results.decision'), key: 'decision', render: (_, r) => <Tag color={DECISION_COLOR[r.decision]}>{t(`appraisal.results.decisions.${r.decision}`)}</Tag> },
        { title: t('appraisal.results.decidedBy'), key: 'by', responsive: ['md'], render: (_, r) => (r.decidedByName ? `${r.decidedByName} · ${formatDateTime(r.decidedAt)}${r.note ? ` · ${r.note}` : ''}` : '') },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) =>
            r.actions.includes('decide') ? (
              <Typography.Link
                onClick={() => {
                  form.setFieldsValue({ decision: r.decision === 'declined' ? 'declined' : 'accepted', note: r.note });
                  setDeciding(r);
                }}
              >
                {r.decision === 'pending' ? t('appraisal.results.decide') : t('appraisal.results.revise')}
              </Typography.Link>
            ) : null,
        },
      ]}
    />
  );

  return (
    <div className="appraisal-page">
      <PageHeader
        title={t('appraisal.results.title')}
        subtitle={t('appraisal.results.subtitle')}
        extra={<Select allowClear style={{ width: 200 }} placeholder={t('appraisal.results.allCycles')} value={cycleId} onChange={setCycleId} options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: cycleLabel(c.type, c.period) }))} />}
      />
      <Card className="page-card">
        <Tabs activeKey={kind} onChange={(k) => setKind(k as typeof kind)} items={KINDS.map((k) => ({ key: k, label: t(`appraisal.results.kinds.${k}`), children: table }))} />
      </Card>
      <Modal
        open={deciding !== null}
        title={t('appraisal.results.decideTitle', { name: deciding?.employeeName ?? '', kind: deciding ? t(`appraisal.results.kinds.${deciding.kind}`) : '' })}
        okText={t('common.save')}
        onCancel={() => setDeciding(null)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await decideResult(deciding!.id, { decision: v.decision, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
            await refresh();
            setDeciding(null);
            void message.success(t('appraisal.done'));
          } catch (err) {
            handleError(err, { form });
          }
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="decision" label={t('appraisal.results.decision')}>
            <Radio.Group options={(['accepted', 'declined'] as const).map((d) => ({ value: d, label: t(`appraisal.results.decisions.${d}`) }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <Form.Item name="note" label={t('appraisal.results.note')} rules={getFieldValue('decision') === 'declined' ? [{ required: true, message: t('appraisal.results.noteRequired') }] : []}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={t('appraisal.results.editBase')}
        okText={t('common.save')}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await baseForm.validateFields();
          const fen = yuanTextToFen(v.base);
          if (fen === null) return;
          try {
            await updateResult(editing!.id, { version: editing!.version, baseFen: fen });
            await refresh();
            setEditing(null);
          } catch (err) {
            handleError(err, { onConflict: () => void refresh() });
          }
        }}
        destroyOnHidden
      >
        <Form form={baseForm} layout="vertical">
          <Form.Item name="base" label={t('appraisal.results.baseYuan')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
