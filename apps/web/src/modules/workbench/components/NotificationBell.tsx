import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/hooks/useAccess';
import { getUnreadCount, listNotifications, markAllNotificationsRead, markNotificationRead, workbenchKeys, type NotificationDto } from '../api';
import { fromNow } from '../time';
import '../workbench.css';

const POLL_MS = 60_000;

/** The bell in the header: unread count (polled every minute), the latest unread, and the way to the inbox. */
export function NotificationBell() {
  const canRead = useCan('notification.read');
  return canRead ? <Bell /> : null;
}

function Bell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useQuery({ queryKey: workbenchKeys.unreadCount, queryFn: ({ signal }) => getUnreadCount(signal), refetchInterval: POLL_MS, refetchIntervalInBackground: false, staleTime: 0 });
  const latest = useQuery({ queryKey: workbenchKeys.notifications(true, 1, 6), queryFn: ({ signal }) => listNotifications(true, 1, 6, signal), enabled: open });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: (id: number) => markNotificationRead(id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = count.data?.count ?? 0;

  const go = (n: NotificationDto) => {
    setOpen(false);
    if (!n.read) readOne.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      <Flex justify="space-between" align="center" className="bell-panel-head">
        <Typography.Text strong>{t('workbench.notifications.unreadTitle', { count: unread })}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => readAll.mutate()}>
          {t('workbench.notifications.readAll')}
        </Button>
      </Flex>
      {latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.notifications.emptyUnread')} />
      ) : (
        <List<NotificationDto>
          size="small"
          loading={latest.isPending}
          dataSource={latest.data?.items ?? []}
          renderItem={(n) => (
            <List.Item key={n.id} className="bell-item" onClick={() => go(n)}>
              <div>
                <div className="bell-item-title">{n.title}</div>
                <div className="bell-item-time">{fromNow(n.createdAt)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
      >
        {t('workbench.notifications.viewAll')}
      </Button>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" aria-label={t('workbench.notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
