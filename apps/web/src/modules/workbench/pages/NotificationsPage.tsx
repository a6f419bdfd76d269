import { useState } from 'react';
import { App, Badge, Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { CheckOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import { getUnreadCount, listNotifications, markAllNotificationsRead, markNotificationRead, workbenchKeys, type NotificationDto } from '../api';
import { fromNow } from '../time';
import '../workbench.css';

const PAGE_SIZE = 20;

/** The in-app inbox: newest first, unread filter, mark read (one or all); a click opens the record. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const tl = useLooseTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: workbenchKeys.notifications(unread, page, PAGE_SIZE), queryFn: ({ signal }) => listNotifications(unread, page, PAGE_SIZE, signal) });
  const unreadCount = useQuery({ queryKey: workbenchKeys.unreadCount, queryFn: ({ signal }) => getUnreadCount(signal) });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: (id: number) => markNotificationRead(id), onSuccess: refresh, onError: (err) => handleError(err) });
  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: (res) => {
      void message.success(t('workbench.notifications.allRead', { count: res.updated }));
      refresh();
    },
    onError: (err) => handleError(err),
  });

  const open = (n: NotificationDto) => {
    if (!n.read) readOne.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t('workbench.notifications.title')}
        subtitle={t('workbench.notifications.subtitle', { count: unreadCount.data?.count ?? 0 })}
        extra={
          <Button icon={<CheckOutlined />} disabled={(unreadCount.data?.count ?? 0) === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="read-all">
            {t('workbench.notifications.readAll')}
          </Button>
        }
      />
      <Card className="page-card">
        <Segmented
          value={unread ? 'unread' : 'all'}
          onChange={(v) => {
            setUnread(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('workbench.notifications.all') },
            { value: 'unread', label: t('workbench.notifications.unreadOnly', { count: unreadCount.data?.count ?? 0 }) },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="notification-filter"
        />
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <List<NotificationDto>
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={unread ? t('workbench.notifications.emptyUnread') : t('workbench.notifications.empty')} /> }}
            pagination={
              (query.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }), size: 'small' }
                : false
            }
            renderItem={(n) => (
              <List.Item
                key={n.id}
                className={n.read ? 'notification-item' : 'notification-item notification-unread'}
                actions={
                  n.read
                    ? []
                    : [
                        <Button key="read" type="link" size="small" onClick={() => readOne.mutate(n.id)}>
                          {t('workbench.notifications.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={!n.read} offset={[-2, 4]}>
                      <span className="notification-icon">
                        <NotificationOutlined />
                      </span>
                    </Badge>
                  }
                  title={
                    <Typography.Link onClick={() => open(n)} className="notification-title">
                      {n.title}
                    </Typography.Link>
                  }
                  description={
                    <Flex gap={8} wrap align="center">
                      {n.entity && <Tag>{tl(`workbench.entities.${n.entity}`, t('workbench.entities.other'))}</Tag>}
                      <span title={formatDateTime(n.createdAt)}>{fromNow(n.createdAt)}</span>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
