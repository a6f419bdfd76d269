import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

type Props = { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode };

/** The title row of a page: title and one line on what the page is for, actions on the right. */
export function PageHeader({ title, subtitle, extra }: Props) {
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div className="page-header-text">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {subtitle}
          </Typography.Paragraph>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
