import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { formatFen } from '../../../shared/money';
import { appraisalKeys, exportKpi, importKpi, listDepartmentOptions, listKpi, saveKpi, type KpiRowInput, type KpiTargetDto } from '../api';
import { PeerPicker } from '../components/PeerPicker';
import { ImportButton } from '../components/ImportButton';
import '../appraisal.css';

type Figure = 'salesTargetFen' | 'profitTargetFen' | 'profitActualFen' | 'marketShareTargetPct' | 'marketShareActualPct' | 'projectsTarget' | 'projectsActual';
type Row = { rowKey: string; id?: number; version?: number; userId?: number | null; departmentId?: number | null; name: string; salesActualFen: number | null } & Partial<Record<Figure, number | null>>;
const MONEY: Figure[] = ['salesTargetFen', 'profitTargetFen', 'profitActualFen'];
const FIGURES: Figure[] = ['salesTargetFen', 'profitTargetFen', 'profitActualFen', 'marketShareTargetPct', 'marketShareActualPct', 'projectsTarget', 'projectsActual'];

function rowOf(k: KpiTargetDto): Row {
  return { rowKey: `id-${k.id}`, ...k, name: k.userName ?? k.departmentName ?? '' };
}

/** KPI targets per employee (and department) and period: entered in a grid or imported from .xlsx [4.3]. */
export default function KpiTargetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const canWrite = useCan('kpi-target.write');
  const [kind, setKind] = useState<'month' | 'year'>('month');
  const [date, setDate] = useState<Dayjs>(dayjs());
  const period = kind === 'month' ? date.format('YYYY-MM') : date.format('YYYY');
  const params = { page: 1, pageSize: 200, period };
  const query = useQuery({ queryKey: appraisalKeys.kpi(params), queryFn: ({ signal }) => listKpi(params, signal) });
  const departments = useQuery({ queryKey: ['departments'], queryFn: ({ signal }) => listDepartmentOptions(signal), enabled: canWrite });
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState<number[]>([]);
  const [names, setNames] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setRows((query.data?.items ?? []).map(rowOf));
    setDirty(new Set());
  }, [query.data]);
  const present = useMemo(() => new Set(rows.map((r) => (r.userId ? `u${r.userId}` : `d${r.departmentId}`))), [rows]);

  const set = (key: string, field: Figure, value: number | null) => {
    setRows((list) => list.map((r) => (r.rowKey === key ? { ...r, [field]: value } : r)));
    setDirty((d) => new Set(d).add(key));
  };
  const cell = (field: Figure) => (_: unknown, r: Row) => {
    const v = r[field] ?? null;
    if (!canWrite) return MONEY.includes(field) ? formatFen(v) : (v ?? '—');
    const money = MONEY.includes(field);
    return (
      <InputNumber
        size="small"
        value={v === null ? null : money ? v / 100 : v}
        min={field === 'profitActualFen' ? undefined : 0}
        max={field.startsWith('marketShare') ? 100 : undefined}
        precision={field.startsWith('projects') ? 0 : 2}
        style={{ width: money ? 130 : 90 }}
        onChange={(n) => set(r.rowKey, field, n === null ? null : money ? Math.round(Number(n) * 100) : Number(n))}
        data-testid={`kpi-${r.name}-${field}`}
      />
    );
  };
  const save = async () => {
    const changed = rows.filter((r) => dirty.has(r.rowKey));
    const payload: KpiRowInput[] = changed.map((r) => ({
      ...(r.id ? { id: r.id, version: r.version } : r.userId ? { userId: r.userId } : { departmentId: r.departmentId! }),
      period,
      ...Object.fromEntries(FIGURES.map((f) => [f, r[f] ?? null])),
    }));
    setSaving(true);
    try {
      await saveKpi(payload);
      await queryClient.invalidateQueries({ queryKey: ['appraisal', 'kpi'] });
      void message.success(t('appraisal.done'));
    } catch (err) {
      handleError(err, { onConflict: () => void query.refetch() });
    } finally {
      setSaving(false);
    }
  };
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="appraisal-page">
      <PageHeader
        title={t('appraisal.kpi.title')}
        subtitle={t('appraisal.kpi.subtitle')}
        extra={
          <>
            {canWrite && <ImportButton onImport={importKpi} onDone={() => void query.refetch()} />}
            <Button icon={<DownloadOutlined />} onClick={() => void exportKpi({ period }).catch(handleError)}>
              {t('appraisal.kpi.export')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<SaveOutlined />} disabled={dirty.size === 0} loading={saving} onClick={() => void save()} data-testid="kpi-save">
                {t('appraisal.kpi.save', { count: dirty.size })}
              </Button>
            )}
          </>
        }
      />
      <Card className="page-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented value={kind} onChange={(v) => setKind(v as 'month' | 'year')} options={[{ value: 'month', label: t('appraisal.kpi.month') }, { value: 'year', label: t('appraisal.kpi.year') }]} />
          <DatePicker picker={kind} value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
          {canWrite && (
            <>
              <div style={{ width: 280 }}>
                <PeerPicker value={adding} onChange={setAdding} onNames={setNames} exclude={rows.filter((r) => r.userId).map((r) => r.userId!)} max={20} />
              </div>
              <Button
                disabled={adding.length === 0}
                onClick={() => {
                  const fresh = adding.filter((id) => !present.has(`u${id}`)).map((id) => ({ rowKey: `new-u${id}`, userId: id, name: names[id] ?? '', salesActualFen: null }));
                  setRows((list) => [...list, ...fresh]);
                  setDirty((d) => new Set([...d, ...fresh.map((f) => f.rowKey)]));
                  setAdding([]);
                }}
              >
                {t('appraisal.kpi.addEmployees')}
              </Button>
              <Select
                style={{ width: 200 }}
                placeholder={t('appraisal.kpi.addDepartment')}
                value={null}
                options={(departments.data?.items ?? []).filter((d) => d.active && !present.has(`d${d.id}`)).map((d) => ({ value: d.id, label: d.name }))}
                onChange={(id: number) => {
                  const d = departments.data?.items.find((x) => x.id === id);
                  setRows((list) => [...list, { rowKey: `new-d${id}`, departmentId: id, name: d?.name ?? '', salesActualFen: null }]);
                  setDirty((s) => new Set(s).add(`new-d${id}`));
                }}
              />
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('appraisal.kpi.hint')}</Typography.Paragraph>
        <Table<Row>
          rowKey="rowKey"
          size="small"
          loading={query.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('appraisal.kpi.subject'), key: 'name', fixed: 'left', render: (_, r) => (r.departmentId ? `${r.name}（${t('appraisal.kpi.department')}）` : r.name) },
            { title: t('appraisal.kpi.salesTarget'), key: 'salesTargetFen', render: cell('salesTargetFen') },
            { title: t('appraisal.kpi.salesActual'), key: 'salesActual', align: 'right', render: (_, r) => formatFen(r.salesActualFen) },
            { title: t('appraisal.kpi.profitTarget'), key: 'profitTargetFen', render: cell('profitTargetFen') },
            { title: t('appraisal.kpi.profitActual'), key: 'profitActualFen', render: cell('profitActualFen') },
            { title: t('appraisal.kpi.shareTarget'), key: 'marketShareTargetPct', render: cell('marketShareTargetPct') },
            { title: t('appraisal.kpi.shareActual'), key: 'marketShareActualPct', render: cell('marketShareActualPct') },
            { title: t('appraisal.kpi.projectsTarget'), key: 'projectsTarget', render: cell('projectsTarget') },
            { title: t('appraisal.kpi.projectsActual'), key: 'projectsActual', render: cell('projectsActual') },
          ]}
        />
      </Card>
    </div>
  );
}
