import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { appraisalKeys, listAppraisals } from '../api';
import { AppraisalHistory } from './MyAppraisalsPage';
import '../appraisal.css';

/** An employee's appraisal history and trend, for their supervisors and HR. */
export default function EmployeeHistoryPage() {
  const { t } = useTranslation();
  const employeeId = Number(useParams().employeeId);
  const params = { page: 1, pageSize: 1, employeeId };
  const first = useQuery({ queryKey: appraisalKeys.list(params), queryFn: ({ signal }) => listAppraisals(params, signal), enabled: Number.isInteger(employeeId) });
  const name = first.data?.items[0]?.employeeName ?? '';
  return (
    <div className="appraisal-page">
      <PageHeader title={t('appraisal.history.title', { name })} subtitle={t('appraisal.history.subtitle')} />
      <AppraisalHistory employeeId={employeeId} own={false} />
    </div>
  );
}
