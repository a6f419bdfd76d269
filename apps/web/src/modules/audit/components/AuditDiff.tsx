import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { diffRows, type DiffRow } from '../audit-diff';

type Props = { before: unknown; after: unknown };

/** Before/after of one audit entry, changed fields highlighted. */
export function AuditDiff({ before, after }: Props) {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;

  const format = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('common.emptyValue');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'role' && typeof value === 'string') return tl(`roles.${value}`, value);
    if (field === 'kind' && typeof value === 'string') return tl(`departmentKinds.${value}`, value);
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.length ? value.join('、') : t('common.emptyValue');
    if (typeof value === 'object') return JSON.stringify(value, null, 2);
    return String(value);
  };
  const cell = (field: string, value: unknown) => (
    <span className={typeof value === 'object' && value !== null && !Array.isArray(value) ? 'diff-value diff-json' : 'diff-value'}>{format(field, value)}</span>
  );

  const columns: ColumnsType<DiffRow> = [
    { title: t('audit.field'), dataIndex: 'field', width: 140, render: (field: string) => (field ? tl(`audit.fieldNames.${field}`, field) : '') },
  ];
  if (before !== null && before !== undefined) {
    columns.push({ title: t('audit.before'), dataIndex: 'before', render: (v: unknown, row) => cell(row.field, v) });
  }
  if (after !== null && after !== undefined) {
    columns.push({ title: t('audit.after'), dataIndex: 'after', render: (v: unknown, row) => cell(row.field, v) });
  }
  return (
    <Table<DiffRow>
      className="audit-diff"
      rowKey="field"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowClassName={(row) => (row.changed ? 'diff-changed' : '')}
      scroll={{ x: 'max-content' }}
    />
  );
}
