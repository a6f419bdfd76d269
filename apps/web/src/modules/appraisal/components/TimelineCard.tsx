import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useLooseTranslation } from '../../../shared/hooks/useLooseTranslation';
import type { AppraisalDetailDto } from '../api';

/** Who did what and when, from the audit log of the appraisal. */
export function TimelineCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const loose = useLooseTranslation();
  return (
    <Card className="page-card" title={t('appraisal.timeline.title')}>
      {detail.timeline.length === 0 ? (
        <Typography.Text type="secondary">{t('appraisal.timeline.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={detail.timeline.map((e, i) => ({
            key: i,
            children: (
              <>
                <Typography.Text>{loose(`appraisal.timeline.${e.action.replace('transition:', '')}`, e.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {[e.actorName ?? (e.action === 'customer-review' ? t('appraisal.timeline.customer') : t('appraisal.timeline.system')), formatDateTime(e.at)].join(' · ')}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
