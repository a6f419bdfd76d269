import { useState } from 'react';
import { App, Button, Card, Col, Collapse, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { appraisalKeys, listTemplates, type TemplateDto } from '../api';
import { TemplateEditor } from '../components/TemplateEditor';
import { useNames } from '../components/useNames';
import '../appraisal.css';

/** Appraisal templates [4.3]: dimensions and items with weights, versioned; an opened appraisal keeps its version. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = useCan('appraisal-template.create');
  const { itemName, dimensionName } = useNames();
  const [editing, setEditing] = useState<TemplateDto | null>(null);
  const query = useQuery({ queryKey: appraisalKeys.templates, queryFn: ({ signal }) => listTemplates(signal) });
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const versions = query.data?.items ?? [];
  // The built-in version has no author and has always applied.
  const since = (v: TemplateDto) => (v.createdBy === null ? t('appraisal.templates.builtIn') : t('appraisal.templates.from', { date: v.effectiveFrom }));
  const view = (tpl: TemplateDto) => (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={tpl.dimensions.flatMap((d) => d.items.map((i, n) => ({ ...i, dim: d, first: n === 0, span: d.items.length })))}
      columns={[
        { title: t('appraisal.templates.dimension'), key: 'dim', onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }), render: (_, r) => `${dimensionName(r.dim.key, r.dim.name)} ${r.dim.weight}%` },
        { title: t('appraisal.form.item'), key: 'item', render: (_, r) => itemName(r.key, r.name) },
        { title: t('appraisal.templates.weight'), dataIndex: 'weight', align: 'right', render: (w: number) => `${w}%` },
        { title: t('appraisal.form.source'), dataIndex: 'source', render: (s: TemplateDto['dimensions'][number]['items'][number]['source']) => (s === 'manual' ? t('appraisal.source.manual') : <Tag color="blue">{t(`appraisal.source.${s}`)}</Tag>) },
      ]}
    />
  );
  return (
    <div className="appraisal-page">
      <PageHeader title={t('appraisal.templates.title')} subtitle={t('appraisal.templates.subtitle')} />
      <Row gutter={[16, 16]}>
        {(['monthly', 'annual'] as const).map((type) => {
          const list = versions.filter((v) => v.type === type);
          const current = list.find((v) => v.inForce) ?? list[0];
          return (
            <Col xs={24} xl={12} key={type}>
              <Card
                className="page-card"
                title={t(`appraisal.type.${type}`)}
                extra={canEdit && current && <Button onClick={() => setEditing(current)}>{t('appraisal.templates.edit')}</Button>}
              >
                {!current ? (
                  <Empty />
                ) : (
                  <>
                    <Space wrap style={{ marginBottom: 8 }}>
                      <Typography.Text strong>{current.name}</Typography.Text>
                      <Tag color="green">{t('appraisal.templates.inForce', { version: current.versionNo })}</Tag>
                      <Typography.Text type="secondary">{since(current)}</Typography.Text>
                    </Space>
                    {view(current)}
                    <Collapse
                      ghost
                      style={{ marginTop: 8 }}
                      items={[
                        {
                          key: 'history',
                          label: t('appraisal.templates.history', { count: list.length }),
                          children: list.map((v) => (
                            <Typography.Paragraph key={v.id} style={{ marginBottom: 4 }}>
                              v{v.versionNo} · {v.name} · {since(v)} · {t('appraisal.templates.used', { count: v.appraisalCount })}
                              {v.createdByName ? ` · ${v.createdByName} ${formatDateTime(v.createdAt)}` : ''}
                              {v.note ? ` · ${v.note}` : ''}
                            </Typography.Paragraph>
                          )),
                        },
                      ]}
                    />
                  </>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <TemplateEditor
        base={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: appraisalKeys.templates });
          void message.success(t('appraisal.done'));
        }}
      />
    </div>
  );
}
