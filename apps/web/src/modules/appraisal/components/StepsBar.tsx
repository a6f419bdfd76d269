import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { stepsOf, type AppraisalStatus } from '../vocabulary';

/** Where the appraisal stands among its steps. */
export function StepsBar({ type, status, late }: { type: 'monthly' | 'annual'; status: AppraisalStatus; late: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const steps = stepsOf(type);
  const current = steps.indexOf(status);
  return (
    <Steps
      size="small"
      type={isMobile ? 'inline' : 'default'}
      current={current}
      status={status === 'finalized' ? 'finish' : late ? 'error' : 'process'}
      items={steps.map((s) => ({ title: t(`appraisal.step.${s}`) }))}
      style={{ marginBottom: 16 }}
    />
  );
}
