import type { ReactNode } from 'react';
import { Empty, Typography } from 'antd';

type Props = { title: ReactNode; hint?: ReactNode; action?: ReactNode };

/** An empty list that says why it is empty and what to do next. */
export function EmptyState({ title, hint, action }: Props) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text>{title}</Typography.Text>
          {hint && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {hint}
            </Typography.Paragraph>
          )}
        </>
      }
    >
      {action}
    </Empty>
  );
}
