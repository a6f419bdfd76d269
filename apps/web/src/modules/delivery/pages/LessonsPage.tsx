import { useState, type ReactNode } from 'react';
import { Card, Empty, Input, List, Pagination, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { deliveryKeys, searchLessons, type LessonDto } from '../api';
import '../delivery.css';

/** Marks every occurrence of `q` in `text` (case-insensitive). */
function highlight(text: string, q: string): ReactNode {
  if (!q) return text;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return parts;
}

const FIELDS = ['lessons', 'wentWrong', 'wentWell', 'reusableAssets'] as const;

/** [3.3.4] the knowledge base: retrospectives of closed projects, found by any two or more characters. */
export default function LessonsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: deliveryKeys.lessons(q, page), queryFn: ({ signal }) => searchLessons(q, page, signal) });
  const render = (l: LessonDto) => (
    <List.Item key={l.retrospectiveId}>
      <Card className="page-card lesson-card" size="small" style={{ width: '100%' }} title={<Space wrap><Link to={`/projects/${l.projectId}?tab=retrospective`}>{l.projectName}</Link><span className="muted">{l.projectCode} · {l.customerName} · {l.pmName}</span></Space>} extra={l.closedAt && <Tag>{t('delivery.lessons.closedOn', { date: formatDate(l.closedAt) })}</Tag>}>
        {FIELDS.filter((f) => l[f]).map((f) => (
          <Typography.Paragraph key={f} className="lesson-snippet pre-wrap" ellipsis={{ rows: 3, expandable: true, symbol: '…' }}>
            <strong>{t(`delivery.retro.${f}`)}：</strong>
            {highlight(l[f], q)}
          </Typography.Paragraph>
        ))}
      </Card>
    </List.Item>
  );
  return (
    <>
      <PageHeader title={t('delivery.lessons.title')} subtitle={t('delivery.lessons.subtitle')} />
      <Input.Search
        allowClear
        enterButton
        size="large"
        placeholder={t('delivery.lessons.search')}
        onSearch={(v) => {
          setQ(v.trim().length >= 2 ? v.trim() : '');
          setPage(1);
        }}
        style={{ maxWidth: 560, marginBottom: 16 }}
        data-testid="lesson-search"
      />
      <div className="muted" style={{ marginBottom: 8 }}>{t('delivery.lessons.results', { total: query.data?.total ?? 0 })}</div>
      {query.data && query.data.items.length === 0 ? (
        <Empty description={t('delivery.lessons.empty')} />
      ) : (
        <List loading={query.isPending} dataSource={query.data?.items} renderItem={render} split={false} />
      )}
      {(query.data?.total ?? 0) > 10 && <Pagination current={page} total={query.data?.total} pageSize={10} onChange={setPage} />}
    </>
  );
}
