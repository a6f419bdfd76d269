import { Fragment } from 'react';
import { Form, Input, InputNumber, Table, Tooltip, Typography, type FormInstance, type TableColumnsType } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { scoreTemplate } from '@domain/appraisal/scoring.rules.js';
import type { AppraisalDetailDto, ItemInput } from '../api';
import { ObjectiveCell } from './ObjectiveCell';
import { Score } from './StatusTags';
import { useNames } from './useNames';
import { useSetting } from '../../../shared/hooks/useSetting';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';

export type ItemsValue = Record<string, { score?: number | null; comment?: string; overrideReason?: string }>;

type Item = AppraisalDetailDto['template']['dimensions'][number]['items'][number];
type Row = { kind: 'dimension'; key: string; name: string; weight: number; score: number | null } | { kind: 'item'; key: string; item: Item };

/** The values a form starts from: objective items carry their computed score; manual ones start empty. */
export function initialItems(detail: AppraisalDetailDto): ItemsValue {
  const out: ItemsValue = {};
  for (const d of detail.template.dimensions) for (const i of d.items) out[i.key] = { score: detail.objective[i.key]?.score ?? null };
  return out;
}

/** The form's items as the API takes them (an unscored item is left out, and the server names it). */
export function itemsPayload(values: ItemsValue): Record<string, ItemInput> {
  const out: Record<string, ItemInput> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v.score !== 'number') continue;
    out[k] = { score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}), ...(v.overrideReason?.trim() ? { overrideReason: v.overrideReason.trim() } : {}) };
  }
  return out;
}

type Props = {
  detail: AppraisalDetailDto;
  /** `self`: the employee's form; `supervisor`: the evaluator's, with overrides; `view`: read-only, both columns. */
  mode: 'self' | 'supervisor' | 'view';
  form?: FormInstance;
};

/**
 * The scoring table of 《…自評表》 and 《…評價表》: each dimension with its weight and live score,
 * each item with its weight, the computed objective value and its evidence, the self score beside
 * the evaluator's (never mixed), and the comment the settings ask for extreme scores.
 */
export function ScoreForm({ detail, mode, form: given }: Props) {
  const { t } = useTranslation();
  const [own] = Form.useForm();
  const form = given ?? own;
  // On a phone the source and the comment sit under the item name, so three columns fit 375 px.
  const isMobile = useIsMobile();
  const { itemName, dimensionName } = useNames();
  const rule = useSetting<{ below: number; above: number }>('appraisal.commentRequired');
  const watched = Form.useWatch('items', form) as ItemsValue | undefined;
  const editing = mode !== 'view';
  const values: Record<string, number | undefined> = editing
    ? Object.fromEntries(Object.entries(watched ?? {}).map(([k, v]) => [k, typeof v?.score === 'number' ? v.score : undefined]))
    : Object.fromEntries(Object.entries(detail.supervisor?.items ?? detail.self?.items ?? {}).map(([k, v]) => [k, v.score]));
  const live = scoreTemplate(detail.template.dimensions, values);
  const dimScore = (key: string) => (live.ok ? (live.dimensions.find((d) => d.key === key)?.score ?? null) : null);

  const rows: Row[] = detail.template.dimensions.flatMap((d) => [
    { kind: 'dimension' as const, key: `dim-${d.key}`, name: dimensionName(d.key, d.name), weight: d.weight, score: dimScore(d.key) },
    ...d.items.map((item) => ({ kind: 'item' as const, key: item.key, item })),
  ]);
  const selfOf = (key: string) => detail.self?.items[key]?.score ?? null;
  const showSelf = mode !== 'self' && detail.self !== null;
  const supervisorItems = detail.supervisor?.items;

  // An objective item kept at its computed score needs no comment: its evidence explains it.
  const extreme = (key: string, score: number | null | undefined) => {
    if (rule === undefined || typeof score !== 'number' || (score >= rule.below && score <= rule.above)) return false;
    const computed = detail.objective[key]?.score ?? null;
    return computed === null || Math.abs(score - computed) > 0.001;
  };

  const sourceCell = (r: Row) =>
    r.kind === 'dimension' ? null : r.item.source === 'manual' ? <Typography.Text type="secondary">{t('appraisal.source.manual')}</Typography.Text> : <ObjectiveCell value={detail.objective[r.item.key]} />;

  const commentCell = (r: Row) => {
    if (r.kind === 'dimension') return null;
    if (!editing) {
      const s = supervisorItems?.[r.key];
      const self = detail.self?.items[r.key];
      return (
        <Typography.Text style={{ fontSize: 12 }}>
          {s?.comment ?? self?.comment ?? ''}
          {s?.overrideReason && (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
              {t('appraisal.form.overridden', { computed: s.computedScore?.toFixed(2) ?? '—', reason: s.overrideReason })}
            </Typography.Text>
          )}
        </Typography.Text>
      );
    }
    const score = watched?.[r.key]?.score;
    const computed = detail.objective[r.key]?.score ?? null;
    const overridden = mode === 'supervisor' && computed !== null && typeof score === 'number' && Math.abs(score - computed) > 0.001;
    return (
      <Fragment>
        <Form.Item name={['items', r.key, 'comment']} style={{ margin: 0 }} rules={extreme(r.key, score) ? [{ required: true, message: t('appraisal.form.commentNeeded') }] : []}>
          <Input size="small" placeholder={extreme(r.key, score) ? t('appraisal.form.commentNeeded') : t('appraisal.form.commentOptional')} maxLength={500} />
        </Form.Item>
        {overridden && (
          <Form.Item name={['items', r.key, 'overrideReason']} style={{ margin: '4px 0 0' }} rules={[{ required: true, message: t('appraisal.form.overrideNeeded') }]}>
            <Input size="small" status="warning" placeholder={t('appraisal.form.overrideNeeded')} maxLength={500} data-testid={`override-${r.key}`} />
          </Form.Item>
        )}
      </Fragment>
    );
  };

  const nameCell = (r: Row) =>
    r.kind === 'dimension' ? (
      <Typography.Text strong>
        {r.name}（{t('appraisal.form.weight', { weight: r.weight })}）
      </Typography.Text>
    ) : (
      <>
        <span>
          {itemName(r.item.key, r.item.name)} <Typography.Text type="secondary">{r.item.weight}%</Typography.Text>
          {r.item.description && (
            <Tooltip title={r.item.description}>
              <InfoCircleOutlined style={{ marginLeft: 4, color: '#8c8c8c' }} />
            </Tooltip>
          )}
        </span>
        {isMobile && r.item.source !== 'manual' && <div style={{ marginTop: 4 }}>{sourceCell(r)}</div>}
        {isMobile && <div style={{ marginTop: 4 }}>{commentCell(r)}</div>}
      </>
    );

  const scoreCell = (r: Row) => {
    if (r.kind === 'dimension') return <Score value={r.score} strong />;
    if (!editing) return <Score value={supervisorItems?.[r.key]?.score ?? selfOf(r.key)} strong />;
    return (
      <Form.Item name={['items', r.key, 'score']} style={{ margin: 0 }} rules={[{ required: true, message: t('appraisal.form.scoreRequired') }]}>
        <InputNumber min={0} max={100} step={1} precision={2} style={{ width: isMobile ? 80 : 96 }} data-testid={`score-${r.key}`} />
      </Form.Item>
    );
  };

  const columns: TableColumnsType<Row> = [
    { title: t('appraisal.form.item'), key: 'name', width: isMobile ? undefined : 220, render: (_, r) => nameCell(r) },
    ...(isMobile ? [] : [{ title: t('appraisal.form.source'), key: 'source', width: 200, render: (_: unknown, r: Row) => sourceCell(r) }]),
    ...(showSelf
      ? [
          {
            title: t('appraisal.form.self'),
            key: 'self',
            width: 72,
            align: 'right' as const,
            render: (_: unknown, r: Row) => (r.kind === 'dimension' ? <Score value={detail.self?.dimensions.find((d) => `dim-${d.key}` === r.key)?.score} /> : <Score value={selfOf(r.key)} />),
          },
        ]
      : []),
    {
      title: mode === 'self' ? t('appraisal.form.myScore') : mode === 'supervisor' || detail.supervisor ? t('appraisal.form.supervisorScore') : t('appraisal.form.self'),
      key: 'score',
      width: isMobile ? 96 : 120,
      align: 'right',
      render: (_, r) => scoreCell(r),
    },
    ...(isMobile ? [] : [{ title: t('appraisal.form.comment'), key: 'comment', width: 260, render: (_: unknown, r: Row) => commentCell(r) }]),
  ];

  const body = (
    <>
      {rule && editing && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('appraisal.form.commentRule', { below: rule.below, above: rule.above })}</Typography.Paragraph>}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={isMobile ? undefined : { x: 'max-content' }}
        className="appraisal-score-table"
        rowClassName={(r) => (r.kind === 'dimension' ? 'appraisal-dimension-row' : '')}
        columns={columns}
        summary={() => (
          <Table.Summary.Row className="appraisal-total-row">
            <Table.Summary.Cell index={0} colSpan={isMobile ? 1 : 2}>
              <Typography.Text strong>{t('appraisal.form.total')}</Typography.Text>
            </Table.Summary.Cell>
            {showSelf && (
              <Table.Summary.Cell index={1} align="right">
                <Score value={detail.self?.total} />
              </Table.Summary.Cell>
            )}
            <Table.Summary.Cell index={2} align="right">
              <Score value={live.ok ? live.total : editing ? null : (detail.supervisor?.total ?? detail.self?.total)} strong />
              {editing && !live.ok && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('appraisal.form.totalPending', { count: live.missing.length })}
                </Typography.Text>
              )}
            </Table.Summary.Cell>
            {!isMobile && <Table.Summary.Cell index={3} />}
          </Table.Summary.Row>
        )}
      />
    </>
  );
  // Read-only tables get a form of their own; editable ones live inside the page's form.
  return given ? body : (
    <Form form={own} component={false}>
      {body}
    </Form>
  );
}
