import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { getPipeline, salesKeys, type PipelineStage } from '../api';
import { formatFen } from '../../../shared/money';
import { EChart } from '../../../shared/components/EChart';
import { Money } from '../components/Money';
import { overallRate, periodRange, type PeriodPreset } from '../funnel-period';
import type { FunnelStage } from '../vocabulary';
import '../sales.css';

const COLORS = ['#1677ff', '#3f8cff', '#69a7ff', '#36cfc9', '#5cdbd3', '#52c41a', '#389e0d'];

/** The sales funnel [3.1]: leads registered in the period by the furthest stage reached, with value and conversion. */
export default function FunnelPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [preset, setPreset] = useState<PeriodPreset>('year');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const range = preset === 'custom' ? (custom ? { from: custom[0].format('YYYY-MM-DD'), to: custom[1].format('YYYY-MM-DD') } : {}) : periodRange(preset);
  const query = useQuery({ queryKey: salesKeys.pipeline(range.from, range.to), queryFn: ({ signal }) => getPipeline(range.from, range.to, signal) });
  const stageName = (stage: string) => t(`sales.funnel.stages.${stage as FunnelStage}`);

  const option = useMemo(() => {
    const stages = query.data?.stages ?? [];
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const s = stages[p.dataIndex];
          if (!s) return '';
          const rate = s.conversionFromPrevious === null ? '' : `<br/>${t('sales.funnel.conversion')}：${s.conversionFromPrevious}%`;
          return `<strong>${stageName(s.stage)}</strong><br/>${t('sales.funnel.count')}：${s.count}<br/>${t('sales.funnel.value')}：${formatFen(s.valueFen)}${rate}`;
        },
      },
      color: COLORS,
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: isMobile ? '4%' : '8%',
          width: isMobile ? '92%' : '84%',
          top: 10,
          bottom: 10,
          minSize: '18%',
          gap: 3,
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            fontSize: isMobile ? 11 : 13,
            formatter: (p: { dataIndex: number }) => {
              const s = stages[p.dataIndex];
              return s ? `${stageName(s.stage)}  ${s.count}` : '';
            },
          },
          data: stages.map((s, i) => ({ name: s.stage, value: Math.max(s.count, 0.001), itemStyle: { color: COLORS[i % COLORS.length] } })),
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.data, isMobile, t]);

  const stages = query.data?.stages ?? [];
  const first = stages[0];
  const last = stages[stages.length - 1];
  const won = stages.find((s) => s.stage === 'won');
  const empty = !first || first.count === 0;

  return (
    <>
      <PageHeader
        title={t('sales.funnel.title')}
        subtitle={t('sales.funnel.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Segmented
              value={preset}
              onChange={(v) => setPreset(v as PeriodPreset)}
              options={(['month', 'quarter', 'year', 'all', 'custom'] as const).map((p) => ({ value: p, label: t(`sales.funnel.periods.${p}`) }))}
              data-testid="funnel-period"
            />
            {preset === 'custom' && <DatePicker.RangePicker value={custom} onChange={(v) => setCustom(v && v[0] && v[1] ? [v[0], v[1]] : null)} />}
          </Flex>
        }
      />
      {query.isPending ? (
        <PageLoading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card className="page-card">
                <Statistic title={t('sales.funnel.cards.registered')} value={first?.count ?? 0} suffix={t('sales.funnel.unitLeads')} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card className="page-card">
                <Statistic title={t('sales.funnel.cards.rejected')} value={query.data.rejected} suffix={t('sales.funnel.unitLeads')} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card className="page-card">
                <Statistic title={t('sales.funnel.cards.won')} value={formatFen(won?.valueFen ?? 0)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card className="page-card">
                <Statistic
                  title={t('sales.funnel.cards.overall')}
                  value={overallRate(first?.count ?? 0, last?.count ?? 0) ?? '—'}
                  suffix={overallRate(first?.count ?? 0, last?.count ?? 0) === null ? '' : '%'}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={11}>
              <Card className="page-card" title={t('sales.funnel.chartTitle')}>
                {empty ? (
                  <Empty description={t('sales.funnel.empty')} />
                ) : (
                  <EChart option={option} height={isMobile ? 320 : 400} testId="funnel-chart" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Card className="page-card" title={t('sales.funnel.tableTitle')}>
                <Table<PipelineStage>
                  size="small"
                  rowKey="stage"
                  pagination={false}
                  dataSource={stages}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('sales.funnel.stage'), dataIndex: 'stage', render: (s: string) => stageName(s) },
                    { title: t('sales.funnel.count'), dataIndex: 'count', align: 'right' },
                    { title: t('sales.funnel.value'), dataIndex: 'valueFen', align: 'right', render: (v: number) => <Money fen={v} /> },
                    {
                      title: t('sales.funnel.conversion'),
                      dataIndex: 'conversionFromPrevious',
                      align: 'right',
                      render: (v: number | null) => (v === null ? t('common.emptyValue') : `${v.toFixed(1)}%`),
                    },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
                  {t('sales.funnel.note', { from: range.from ?? t('sales.funnel.beginning'), to: range.to ?? t('sales.funnel.now') })}
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
