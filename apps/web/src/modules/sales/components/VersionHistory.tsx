import { Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { ProposalVersion } from '../api';
import { formatFen } from '../../../shared/money';
import { changeRows, type ChangeRow, type ItemField } from '../proposal-diff';
import { ProposalContentView } from './ProposalContentView';

const blank = (value: unknown) => value === undefined || value === null || value === '';

function itemValue(field: ItemField['name'], value: unknown, empty: string): string {
  if (blank(value)) return empty;
  if (field === 'amountFen' && typeof value === 'number') return formatFen(value);
  if ((field === 'start' || field === 'end') && typeof value === 'string') return formatDate(value);
  return String(value);
}

/** One change between two versions, readable: lines struck through and added, list rows compared field by field. */
function ChangeView({ row }: { row: ChangeRow }) {
  const { t } = useTranslation();
  const empty = t('common.emptyValue');
  if (row.kind === 'text') {
    return (
      <div className="diff-block">
        <div className="diff-label">{t(`sales.proposal.fields.${row.section}`)}</div>
        <div className="diff-lines">
          {row.lines.map((l, i) => (
            <div key={i} className={`diff-line diff-${l.op}`}>
              <span className="diff-sign">{l.op === 'add' ? '+' : l.op === 'del' ? '−' : ' '}</span>
              {l.text || ' '}
            </div>
          ))}
        </div>
      </div>
    );
  }
  if (row.kind === 'item') {
    const label = row.section === 'milestones' ? t('sales.diff.milestone', { n: row.index + 1 }) : t('sales.diff.budgetLine', { n: row.index + 1 });
    return (
      <div className="diff-block">
        <div className="diff-label">
          {label} <Tag color={row.change === 'added' ? 'green' : row.change === 'removed' ? 'red' : 'orange'}>{t(`sales.diff.${row.change}`)}</Tag>
        </div>
        <table className="diff-table">
          <tbody>
            {row.fields.map((f) => (
              <tr key={f.name} className={f.changed ? 'diff-row-changed' : ''}>
                <th>{t(`sales.diff.fields.${f.name}`)}</th>
                {row.change !== 'added' && <td className={f.changed && !blank(f.before) ? 'diff-old' : 'diff-plain'}>{itemValue(f.name, f.before, empty)}</td>}
                {row.change !== 'removed' && <td className={f.changed && !blank(f.after) ? 'diff-new' : 'diff-plain'}>{itemValue(f.name, f.after, empty)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (row.kind === 'total') {
    return (
      <div className="diff-block">
        <div className="diff-label">{t('sales.proposal.total')}</div>
        <span className="diff-old">{formatFen(row.before)}</span> → <span className="diff-new">{formatFen(row.after)}</span>{' '}
        <Typography.Text type={row.delta > 0 ? 'danger' : 'success'}>
          （{row.delta > 0 ? '+' : '-'}
          {formatFen(Math.abs(row.delta))}）
        </Typography.Text>
      </div>
    );
  }
  return (
    <div className="diff-block">
      <div className="diff-label">{row.field}</div>
      <span className="diff-old">{JSON.stringify(row.before)}</span> → <span className="diff-new">{JSON.stringify(row.after)}</span>
    </div>
  );
}

/** Submitted versions, newest first: each with the reviewer's decision and comment, and what changed since the one before. */
export function VersionHistory({ versions }: { versions: ProposalVersion[] }) {
  const { t } = useTranslation();
  if (versions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.versions.empty')} />;
  return (
    <Collapse
      defaultActiveKey={versions[0] ? [String(versions[0].versionNo)] : []}
      items={versions.map((v) => {
        const rows = changeRows(v.changes);
        return {
          key: String(v.versionNo),
          label: (
            <Space wrap size={6}>
              <strong>{t('sales.versions.label', { version: v.versionNo })}</strong>
              <span>{formatFen(v.totalFen)}</span>
              {v.decision ? (
                <Tag color={v.decision === 'approved' ? 'success' : 'warning'}>{t(`sales.versions.decision.${v.decision}`)}</Tag>
              ) : (
                <Tag color="processing">{t('sales.versions.decision.pending')}</Tag>
              )}
              <Typography.Text type="secondary">{t('sales.versions.submittedAt', { at: formatDateTime(v.submittedAt) })}</Typography.Text>
            </Space>
          ),
          children: (
            <Flex vertical gap={12} data-testid={`version-${v.versionNo}`}>
              {v.decision && (
                <div className={`review-comment review-${v.decision}`}>
                  <div>
                    {t('sales.versions.decidedBy', { name: v.decidedByName ?? '', at: formatDateTime(v.decidedAt) })}
                    <Tag style={{ marginLeft: 8 }} color={v.decision === 'approved' ? 'success' : 'warning'}>
                      {t(`sales.versions.decision.${v.decision}`)}
                    </Tag>
                  </div>
                  {v.comment ? <div className="pre-wrap review-comment-text">{v.comment}</div> : <Typography.Text type="secondary">{t('sales.versions.noComment')}</Typography.Text>}
                </div>
              )}
              {v.versionNo > 1 && (
                <div>
                  <Typography.Text strong>{t('sales.versions.changes', { version: v.versionNo - 1 })}</Typography.Text>
                  {rows.length === 0 ? (
                    <div>
                      <Typography.Text type="secondary">{t('sales.versions.noChanges')}</Typography.Text>
                    </div>
                  ) : (
                    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid={`diff-${v.versionNo}`}>
                      {rows.map((row) => (
                        <ChangeView key={row.key} row={row} />
                      ))}
                    </Flex>
                  )}
                </div>
              )}
              <Collapse
                size="small"
                ghost
                items={[{ key: 'content', label: t('sales.versions.showContent'), children: <ProposalContentView content={v.content} compact /> }]}
              />
            </Flex>
          ),
        };
      })}
    />
  );
}
