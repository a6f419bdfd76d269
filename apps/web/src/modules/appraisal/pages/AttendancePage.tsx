import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Input, InputNumber, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { appraisalKeys, exportAttendance, importAttendance, listAttendance, saveAttendance, type AttendanceDto } from '../api';
import { PeerPicker } from '../components/PeerPicker';
import { ImportButton } from '../components/ImportButton';
import '../appraisal.css';

type Row = { rowKey: string; id?: number; version?: number; userId: number; userName: string; departmentName: string | null; lateCount: number; absentDays: number; leaveDays: number; note: string };

const rowOf = (a: AttendanceDto): Row => ({ rowKey: `id-${a.id}`, ...a });

/** The monthly attendance table (late, absent, leave) the discipline item reads [4.3]. */
export default function AttendancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const canWrite = useCan('attendance.write');
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const period = month.format('YYYY-MM');
  const params = { page: 1, pageSize: 200, month: period };
  const query = useQuery({ queryKey: appraisalKeys.attendance(params), queryFn: ({ signal }) => listAttendance(params, signal) });
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState<number[]>([]);
  const [names, setNames] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setRows((query.data?.items ?? []).map(rowOf));
    setDirty(new Set());
  }, [query.data]);
  const set = (key: string, patch: Partial<Row>) => {
    setRows((list) => list.map((r) => (r.rowKey === key ? { ...r, ...patch } : r)));
    setDirty((d) => new Set(d).add(key));
  };
  const num = (field: 'lateCount' | 'absentDays' | 'leaveDays', step: number) => (_: unknown, r: Row) =>
    canWrite ? <InputNumber size="small" min={0} max={field === 'lateCount' ? 100 : 31} step={step} precision={step === 1 ? 0 : 1} value={r[field]} onChange={(v) => set(r.rowKey, { [field]: Number(v ?? 0) })} style={{ width: 90 }} /> : r[field];
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="appraisal-page">
      <PageHeader
        title={t('appraisal.attendance.title')}
        subtitle={t('appraisal.attendance.subtitle')}
        extra={
          <>
            {canWrite && <ImportButton onImport={importAttendance} onDone={() => void query.refetch()} />}
            <Button icon={<DownloadOutlined />} onClick={() => void exportAttendance({ month: period }).catch(handleError)}>
              {t('appraisal.kpi.export')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={dirty.size === 0}
                loading={saving}
                onClick={async () => {
                  setSaving(true);
                  try {
                    await saveAttendance(rows.filter((r) => dirty.has(r.rowKey)).map((r) => ({ ...(r.id ? { id: r.id, version: r.version } : {}), userId: r.userId, month: period, lateCount: r.lateCount, absentDays: r.absentDays, leaveDays: r.leaveDays, note: r.note })));
                    await query.refetch();
                    void message.success(t('appraisal.done'));
                  } catch (err) {
                    handleError(err, { onConflict: () => void query.refetch() });
                  } finally {
                    setSaving(false);
                  }
                }}
              >
                {t('appraisal.kpi.save', { count: dirty.size })}
              </Button>
            )}
          </>
        }
      />
      <Card className="page-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} />
          {canWrite && (
            <>
              <div style={{ width: 280 }}>
                <PeerPicker value={adding} onChange={setAdding} onNames={setNames} exclude={rows.map((r) => r.userId)} max={20} />
              </div>
              <Button
                disabled={adding.length === 0}
                onClick={() => {
                  const fresh = adding.map((id) => ({ rowKey: `new-${id}`, userId: id, userName: names[id] ?? '', departmentName: null, lateCount: 0, absentDays: 0, leaveDays: 0, note: '' }));
                  setRows((list) => [...list, ...fresh]);
                  setDirty((d) => new Set([...d, ...fresh.map((f) => f.rowKey)]));
                  setAdding([]);
                }}
              >
                {t('appraisal.kpi.addEmployees')}
              </Button>
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('appraisal.attendance.hint')}</Typography.Paragraph>
        <Table<Row>
          rowKey="rowKey"
          size="small"
          loading={query.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('appraisal.fields.employee'), dataIndex: 'userName' },
            { title: t('appraisal.fields.department'), dataIndex: 'departmentName', responsive: ['md'] },
            { title: t('appraisal.attendance.late'), key: 'late', render: num('lateCount', 1) },
            { title: t('appraisal.attendance.absent'), key: 'absent', render: num('absentDays', 0.5) },
            { title: t('appraisal.attendance.leave'), key: 'leave', render: num('leaveDays', 0.5) },
            { title: t('appraisal.attendance.note'), key: 'note', render: (_, r) => (canWrite ? <Input size="small" value={r.note} maxLength={500} onChange={(e) => set(r.rowKey, { note: e.target.value })} /> : r.note) },
          ]}
        />
      </Card>
    </div>
  );
}
