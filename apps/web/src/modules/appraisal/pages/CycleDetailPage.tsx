import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Input, Popconfirm, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { BarChartOutlined, CheckOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { appraisalKeys, cycleAction, getCalibration, getCycle, listAppraisals, type AppraisalDto } from '../api';
import { AppraisalStatusTag, CycleStatusTag, GradeTag, LateTag, Score } from '../components/StatusTags';
import { GradeChart } from '../components/Charts';
import { useNames } from '../components/useNames';
import { stepsOf } from '../vocabulary';
import '../appraisal.css';

/** The cycle dashboard (HR, manager): each employee's step, who is late, calibration, finalizing and closing. */
export default function CycleDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const canManage = useCan('appraisal-cycle.manage');
  const canReport = useCan('appraisal-report.read');
  const { cycleLabel } = useNames();
  const [filter, setFilter] = useState<string>('all');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [page, setPage] = useState(1);
  const cycle = useQuery({ queryKey: appraisalKeys.cycle(id), queryFn: ({ signal }) => getCycle(id, signal), enabled: Number.isInteger(id) });
  const params = { page, pageSize: 50, cycleId: id, sort: 'employeeName', ...(filter === 'late' ? { late: 'true' as const } : filter === 'all' ? {} : { status: filter }), ...(q ? { q } : {}) };
  const list = useQuery({ queryKey: appraisalKeys.list(params), queryFn: ({ signal }) => listAppraisals(params, signal), enabled: Number.isInteger(id) });
  const calibration = useQuery({ queryKey: appraisalKeys.calibration(id), queryFn: ({ signal }) => getCalibration(id, signal), enabled: Number.isInteger(id) });
  if (cycle.isPending) return <PageLoading />;
  if (cycle.isError) return <LoadError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const c = cycle.data;
  const act = async (action: 'close' | 'finalize-all') => {
    try {
      const res = await cycleAction<{ finalized?: number }>(id, action);
      await queryClient.invalidateQueries({ queryKey: appraisalKeys.root });
      void message.success(action === 'finalize-all' ? t('appraisal.cycles.finalizedCount', { count: res.finalized ?? 0 }) : t('appraisal.done'));
    } catch (err) {
      handleError(err);
    }
  };
  const adjusted = calibration.data?.adjusted ?? [];
  return (
    <div className="appraisal-page">
      <PageHeader
        title={
          <Space size={8} wrap>
            {cycleLabel(c.type, c.period)}
            <CycleStatusTag status={c.status} />
          </Space>
        }
        subtitle={c.name || t('appraisal.cycles.detailSubtitle')}
        extra={
          <>
            {canReport && (
              <Link to={`/appraisal/reports?cycleId=${c.id}`}>
                <Button icon={<BarChartOutlined />} data-testid="cycle-report">{t('appraisal.reports.open')}</Button>
              </Link>
            )}
            {c.actions.includes('finalize-all') && (
              <Popconfirm title={t('appraisal.cycles.finalizeAllConfirm', { count: c.counts.byStatus.calibration })} onConfirm={() => void act('finalize-all')}>
                <Button icon={<CheckOutlined />} disabled={c.counts.byStatus.calibration === 0}>
                  {t('appraisal.cycles.finalizeAll')}
                </Button>
              </Popconfirm>
            )}
            {c.actions.includes('close') && (
              <Popconfirm title={t('appraisal.cycles.closeConfirm')} onConfirm={() => void act('close')}>
                <Button icon={<LockOutlined />} disabled={c.counts.byStatus.finalized !== c.counts.total}>
                  {t('appraisal.cycles.close')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="page-card">
            <Row gutter={[12, 12]}>
              {stepsOf(c.type).map((s) => (
                <Col xs={8} sm={6} md={4} key={s}>
                  <Statistic title={t(`appraisal.status.${s}`)} value={c.counts.byStatus[s]} />
                </Col>
              ))}
              <Col xs={8} sm={6} md={4}>
                <Statistic title={t('appraisal.cycles.late')} value={c.counts.late} valueStyle={{ color: c.counts.late ? '#cf1322' : undefined }} />
              </Col>
            </Row>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('appraisal.step.self_assessment')}>{c.dueDates.self}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.step.supervisor_review')}>{c.dueDates.supervisor}</Descriptions.Item>
              {c.dueDates.reviews && <Descriptions.Item label={t('appraisal.step.peer_review')}>{c.dueDates.reviews}</Descriptions.Item>}
              <Descriptions.Item label={t('appraisal.step.feedback')}>{c.dueDates.feedback}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.cycles.template')}>{`${c.templateName} v${c.templateVersionNo}`}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.cycles.openedOn')}>{c.openedOn}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card className="page-card" style={{ marginTop: 16 }} title={t('appraisal.cycles.progress')}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Segmented
                value={filter}
                onChange={(v) => {
                  setFilter(String(v));
                  setPage(1);
                }}
                options={[{ value: 'all', label: t('common.all') }, { value: 'late', label: t('appraisal.cycles.late') }, ...stepsOf(c.type).map((s) => ({ value: s, label: t(`appraisal.status.${s}`) }))]}
              />
              <Input.Search allowClear placeholder={t('appraisal.cycles.searchName')} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} />
            </Space>
            <Table<AppraisalDto>
              rowKey="id"
              size="middle"
              loading={list.isPending}
              dataSource={list.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
              rowClassName={(a) => (a.late ? 'appraisal-late-row' : '')}
              columns={[
                { title: t('appraisal.fields.employee'), key: 'employee', render: (_, a) => <Link to={`/appraisal/appraisals/${a.id}`}>{a.employeeName}</Link> },
                { title: t('appraisal.fields.department'), dataIndex: 'departmentName', responsive: ['md'] },
                { title: t('appraisal.fields.supervisor'), dataIndex: 'supervisorName', responsive: ['lg'] },
                { title: t('appraisal.fields.status'), key: 'status', render: (_, a) => <Space size={4}><AppraisalStatusTag status={a.status} /><LateTag late={a.late} /></Space> },
                { title: t('appraisal.fields.due'), dataIndex: 'stepDueDate', render: (d: string | null, a) => (a.late ? <Typography.Text type="danger">{d}</Typography.Text> : d) },
                { title: t('appraisal.fields.selfScore'), key: 'self', align: 'right', render: (_, a) => <Score value={a.selfScore} /> },
                { title: t('appraisal.fields.finalScore'), key: 'final', align: 'right', render: (_, a) => <Score value={a.finalScore} strong /> },
                { title: t('appraisal.fields.grade'), key: 'grade', render: (_, a) => <GradeTag grade={a.grade} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card className="page-card" title={t('appraisal.calibration.title')}>
            {calibration.data && calibration.data.after.some((g) => g.count > 0) ? (
              <>
                <GradeChart after={calibration.data.after} before={calibration.data.before} height={220} />
                <Typography.Title level={5}>{t('appraisal.calibration.adjusted', { count: adjusted.length })}</Typography.Title>
                {adjusted.map((a) => (
                  <Typography.Paragraph key={a.appraisalId} style={{ marginBottom: 8 }}>
                    <Link to={`/appraisal/appraisals/${a.appraisalId}`}>{a.employeeName}</Link>：{a.computedFinalScore?.toFixed(2)}（{a.gradeBefore}）→ {a.finalScore?.toFixed(2)}（{a.grade}）
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {a.reason}
                    </Typography.Text>
                  </Typography.Paragraph>
                ))}
                {canManage && <Typography.Text type="secondary">{t('appraisal.calibration.hint')}</Typography.Text>}
              </>
            ) : (
              <Typography.Text type="secondary">{t('appraisal.calibration.none')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
