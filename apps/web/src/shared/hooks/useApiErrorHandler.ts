import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';

type Options = {
  /** Maps the API's `fields` onto this form's fields. */
  form?: FormInstance;
  /** Called after a 409 VERSION_CONFLICT was explained, to load the record afresh. */
  onConflict?: () => void;
};

function fieldPath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
}

/** Shows an API error the way users expect: the message, field errors on the form, conflicts explained. */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, options: Options = {}) => {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      if (!(err instanceof ApiError)) {
        void message.error(t('errors.network'));
        return;
      }
      if (err.status === 401) return;
      if (err.code === 'VERSION_CONFLICT') {
        modal.warning({ title: t('errors.versionConflictTitle'), content: t('errors.versionConflictBody'), onOk: options.onConflict });
        options.onConflict?.();
        return;
      }
      const leftover: string[] = [];
      if (err.fields) {
        const registered = options.form?.getFieldsError().map((f) => f.name) ?? [];
        const onForm: { name: (string | number)[]; errors: string[] }[] = [];
        for (const [path, text] of Object.entries(err.fields)) {
          const name = fieldPath(path);
          if (registered.some((r) => sameName(r, name))) onForm.push({ name, errors: [text] });
          else leftover.push(text);
        }
        if (onForm.length > 0) options.form?.setFields(onForm);
      }
      void message.error(leftover.length > 0 ? `${err.message}：${leftover.join('；')}` : err.message);
    },
    [message, modal, t],
  );
}
