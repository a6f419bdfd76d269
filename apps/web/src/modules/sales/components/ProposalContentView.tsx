import { Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalContent } from '../api';
import { sumFen } from '../../../shared/money';
import { formatDate } from '../../../shared/format';
import { Money } from './Money';

/** 《业务方案》 as read by the reviewer and the customer. */
export function ProposalContentView({ content, compact = false }: { content: ProposalContent; compact?: boolean }) {
  const { t } = useTranslation();
  const total = sumFen(content.budgetLines);
  return (
    <Flex vertical gap={16} className="proposal-view">
      <Descriptions column={1} size="small" bordered={!compact} layout={compact ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('sales.proposal.fields.goals')}>
          <span className="pre-wrap">{content.goals}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.proposal.fields.workContent')}>
          <span className="pre-wrap">{content.workContent}</span>
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>{t('sales.proposal.view.milestones')}</Typography.Text>
        {compact ? (
          <div className="milestone-list">
            {content.milestones.map((m, i) => (
              <div key={i} className="milestone-item">
                <div>
                  <strong>{m.name}</strong>
                </div>
                <div className="option-sub">
                  {formatDate(m.start)} ～ {formatDate(m.end)}
                </div>
                {m.deliverable && <div>{t('sales.proposal.deliverableLine', { value: m.deliverable })}</div>}
              </div>
            ))}
          </div>
        ) : (
          <Table
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={content.milestones}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '#', width: 40, render: (_, __, i) => i + 1 },
              { title: t('sales.proposal.fields.milestoneName'), dataIndex: 'name' },
              { title: t('sales.proposal.fields.period'), width: 210, render: (_, m) => `${formatDate(m.start)} ～ ${formatDate(m.end)}` },
              { title: t('sales.proposal.fields.deliverable'), dataIndex: 'deliverable', render: (v: string) => v || t('common.emptyValue') },
            ]}
          />
        )}
      </div>
      <div>
        <Typography.Text strong>{t('sales.proposal.view.budget')}</Typography.Text>
        <Table
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={content.budgetLines}
          scroll={{ x: 'max-content' }}
          columns={[
            ...(compact ? [] : [{ title: '#', width: 40, render: (_: unknown, __: unknown, i: number) => i + 1 }]),
            { title: t('sales.proposal.fields.budgetItem'), dataIndex: 'item', render: (v: string, l) => (compact && l.note ? <span>{v}<div className="option-sub">{l.note}</div></span> : v) },
            ...(compact ? [] : [{ title: t('sales.proposal.fields.budgetNote'), dataIndex: 'note', render: (v?: string) => v || t('common.emptyValue') }]),
            { title: t('sales.proposal.fields.amount'), dataIndex: 'amountFen', align: 'right' as const, width: compact ? undefined : 170, render: (v: number) => <Money fen={v} /> },
          ]}
          summary={() => (
            <Table.Summary.Row className="table-total-row">
              <Table.Summary.Cell index={0} colSpan={compact ? 1 : 3}>
                <strong>{t('sales.proposal.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Money fen={total} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </div>
      {content.assumptions && (
        <Descriptions column={1} size="small" bordered={!compact} layout={compact ? 'vertical' : 'horizontal'}>
          <Descriptions.Item label={t('sales.proposal.fields.assumptions')}>
            <span className="pre-wrap">{content.assumptions}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}
