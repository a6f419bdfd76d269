import { Badge, Card, Col, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { getMyWork, workbenchKeys } from '../api';
import { approvalEntity } from '../approval-entities';
import { groupItems, linkOf } from '../my-work';
import { daysWaiting, fromNow } from '../time';
import '../workbench.css';

/** "我的工作": what waits for me — evaluations, assignments, analyses, drafts, returned proposals, reviews, contracts to sign. */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const query = useQuery({ queryKey: workbenchKeys.myWork, queryFn: ({ signal }) => getMyWork(signal), refetchInterval: 60_000 });
  const approvalLink = (entity: string, id: number) => approvalEntity(entity)?.link(id);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const groups = groupItems(query.data.items);

  return (
    <>
      <PageHeader title={t('workbench.myWork.title')} subtitle={t('workbench.myWork.subtitle', { count: query.data.items.length })} />
      {groups.length === 0 ? (
        <Card className="page-card">
          <EmptyState title={t('workbench.myWork.empty')} hint={t('workbench.myWork.emptyHint')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            {groups.map((g) => (
              <Col key={g.group} xs={12} sm={8} lg={6} xl={4}>
                <a href={`#group-${g.group}`} className="stat-link">
                  <Card size="small" className="page-card" hoverable>
                    <Statistic title={t(`workbench.myWork.groups.${g.group}`)} value={g.items.length} />
                  </Card>
                </a>
              </Col>
            ))}
          </Row>
          {groups.map((g) => (
            <Card
              key={g.group}
              id={`group-${g.group}`}
              className="page-card"
              size="small"
              title={
                <Flex gap={8} align="center">
                  {t(`workbench.myWork.groups.${g.group}`)}
                  <Badge count={g.items.length} color={g.group === 'review' || g.group === 'evaluate-lead' ? '#fa8c16' : '#1677ff'} />
                </Flex>
              }
              data-testid={`my-work-${g.group}`}
            >
              <List
                size="small"
                dataSource={g.items}
                renderItem={(item) => {
                  const days = daysWaiting(item.since);
                  return (
                    <List.Item key={`${item.kind}-${item.id}`} className="work-item">
                      <Link to={linkOf(item, approvalLink)} className="work-item-link">
                        <Flex justify="space-between" align="center" gap={8}>
                          <div style={{ minWidth: 0 }}>
                            {g.group === 'review' && <Tag color="blue">{tl(`workbench.entities.${item.entity}`, t('workbench.entities.other'))}</Tag>}
                            <Typography.Text strong ellipsis>
                              {item.title}
                            </Typography.Text>
                            <div className="work-item-meta">
                              <span title={formatDateTime(item.since)}>{t('workbench.myWork.since', { ago: fromNow(item.since) })}</span>
                              {days >= 3 && <Tag color="red" style={{ marginLeft: 8 }}>{t('workbench.myWork.waitingDays', { count: days })}</Tag>}
                            </div>
                          </div>
                          <Flex align="center" gap={4} className="work-item-action">
                            {t(`workbench.myWork.actions.${g.group}`)}
                            <RightOutlined />
                          </Flex>
                        </Flex>
                      </Link>
                    </List.Item>
                  );
                }}
              />
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
