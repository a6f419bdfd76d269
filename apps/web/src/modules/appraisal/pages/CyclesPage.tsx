import { useState } from 'react';
import { Button, Card, Progress, Segmented, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { EmptyState } from '../../../shared/components/EmptyState';
import { LoadError } from '../../../shared/components/LoadError';
import { useCan } from '../../../shared/hooks/useAccess';
import { appraisalKeys, listCycles, type CycleDto } from '../api';
import { CycleStatusTag } from '../components/StatusTags';
import { OpenCycleModal } from '../components/OpenCycleModal';
import { useNames } from '../components/useNames';
import '../appraisal.css';

/** Appraisal cycles [4.2]: monthly and annual, each with how far its appraisals have come. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canOpen = useCan('appraisal-cycle.manage');
  const { cycleLabel } = useNames();
  const [type, setType] = useState<'all' | 'monthly' | 'annual'>('all');
  const [opening, setOpening] = useState(false);
  const params = { page: 1, pageSize: 100, ...(type === 'all' ? {} : { type }) };
  const query = useQuery({ queryKey: appraisalKeys.cycles(params), queryFn: ({ signal }) => listCycles(params, signal) });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="appraisal-page">
      <PageHeader
        title={t('appraisal.cycles.title')}
        subtitle={t('appraisal.cycles.subtitle')}
        extra={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-cycle">
              {t('appraisal.cycles.open')}
            </Button>
          )
        }
      />
      <Card className="page-card">
        <Segmented
          style={{ marginBottom: 12 }}
          value={type}
          onChange={(v) => setType(v as typeof type)}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'monthly', label: t('appraisal.type.monthly') },
            { value: 'annual', label: t('appraisal.type.annual') },
          ]}
        />
        <Table<CycleDto>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState title={t('appraisal.cycles.empty')} hint={canOpen ? t('appraisal.cycles.emptyHint') : undefined} /> }}
          columns={[
            {
              title: t('appraisal.fields.cycle'),
              key: 'cycle',
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/appraisal/cycles/${c.id}`} data-testid={`cycle-${c.period}`}>
                    {cycleLabel(c.type, c.period)}
                  </Link>
                  {c.name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.name}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('appraisal.fields.status'), key: 'status', render: (_, c) => <CycleStatusTag status={c.status} /> },
            { title: t('appraisal.cycles.people'), key: 'total', align: 'right', render: (_, c) => c.counts.total },
            { title: t('appraisal.cycles.completion'), key: 'completion', width: 180, render: (_, c) => <Progress percent={c.completionRate} size="small" format={(p) => `${(p ?? 0).toFixed(0)}%`} /> },
            { title: t('appraisal.cycles.late'), key: 'late', align: 'right', render: (_, c) => (c.counts.late ? <Typography.Text type="danger">{c.counts.late}</Typography.Text> : 0) },
            { title: t('appraisal.cycles.template'), key: 'template', responsive: ['lg'], render: (_, c) => `${c.templateName} v${c.templateVersionNo}` },
            { title: t('appraisal.cycles.openedOn'), dataIndex: 'openedOn', responsive: ['md'] },
          ]}
        />
      </Card>
      <OpenCycleModal
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(c) => {
          setOpening(false);
          void queryClient.invalidateQueries({ queryKey: appraisalKeys.root });
          navigate(`/appraisal/cycles/${c.id}`);
        }}
      />
    </div>
  );
}
