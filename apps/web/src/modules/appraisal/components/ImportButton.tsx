import { useState } from 'react';
import { App, Button, Modal, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { uploadFile, type ImportResult } from '../api';

/**
 * Uploads an .xlsx and imports it. The server checks every row first; when any row is wrong
 * nothing is written and each problem is listed by row and column.
 */
export function ImportButton({ onImport, onDone }: { onImport: (attachmentId: number) => Promise<ImportResult>; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<[string, string][] | null>(null);
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            const saved = await uploadFile(file as File);
            const res = await onImport(saved.id);
            void message.success(t('appraisal.import.done', res));
            onDone();
          } catch (err) {
            if (err instanceof ApiError && err.fields) setProblems(Object.entries(err.fields));
            else void message.error(err instanceof ApiError ? err.message : t('errors.network'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('appraisal.import.button')}
        </Button>
      </Upload>
      <Modal open={problems !== null} title={t('appraisal.import.failed')} footer={null} onCancel={() => setProblems(null)}>
        <p>{t('appraisal.import.nothingWritten')}</p>
        <ul className="appraisal-import-errors">
          {(problems ?? []).map(([path, text]) => {
            const m = /^row\.(\d+)\.(\w+)$/.exec(path);
            return <li key={path}>{m ? t('appraisal.import.rowProblem', { row: m[1], column: m[2], text }) : text}</li>;
          })}
        </ul>
      </Modal>
    </>
  );
}
