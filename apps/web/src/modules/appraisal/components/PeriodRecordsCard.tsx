import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppraisalDetailDto } from '../api';

const TONE_COLOR = { positive: 'green', negative: 'red', neutral: 'default' } as const;

/** What other modules recorded about the employee in the period (commendations, trainings, weekly reports): evidence for the evaluator, not scored. */
export function PeriodRecordsCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  if (detail.periodRecords.length === 0) return null;
  return (
    <Card className="page-card" title={t('appraisal.periodRecords.title')} extra={<Typography.Text type="secondary">{t('appraisal.periodRecords.hint')}</Typography.Text>}>
      <List
        size="small"
        dataSource={detail.periodRecords}
        renderItem={(r) => (
          <List.Item key={`${r.source}-${r.id}`}>
            <Typography.Text>
              <Tag color={TONE_COLOR[r.tone]}>{r.sourceLabel}</Tag>
              {r.link ? <Link to={r.link}>{r.label}</Link> : r.label}
            </Typography.Text>
            {r.date && <Typography.Text type="secondary">{r.date}</Typography.Text>}
          </List.Item>
        )}
      />
    </Card>
  );
}
