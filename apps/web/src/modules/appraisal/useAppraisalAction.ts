import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../shared/hooks/useApiErrorHandler';
import { appraisalAction, appraisalKeys, type AppraisalDetailDto } from './api';

/** Runs a workflow action on an appraisal: refreshes every appraisal view, confirms, maps field errors onto the form. */
export function useAppraisalAction(id: number) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (action: string, body: unknown, form?: FormInstance): Promise<AppraisalDetailDto | null> => {
    setBusy(action);
    try {
      const updated = await appraisalAction(id, action, body);
      queryClient.setQueryData(appraisalKeys.one(id), updated);
      await queryClient.invalidateQueries({ queryKey: appraisalKeys.root });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void message.success(t('appraisal.done'));
      return updated;
    } catch (err) {
      handleError(err, { form, onConflict: () => void queryClient.invalidateQueries({ queryKey: appraisalKeys.one(id) }) });
      return null;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}
