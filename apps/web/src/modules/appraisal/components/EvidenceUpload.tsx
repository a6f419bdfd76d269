import { useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { uploadFile } from '../api';

type Props = { value?: number[]; onChange?: (ids: number[]) => void; id?: string };

/** The annual self-assessment's evidence files ("并提供相关证明材料" [4.4.2]), uploaded as chosen. */
export function EvidenceUpload({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile<{ id: number }>[]>([]);
  return (
    <div id={id}>
      <Upload<{ id: number }>
        multiple
        maxCount={20}
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File)
            .then((saved) => onSuccess?.({ id: saved.id }))
            .catch((err: unknown) => onError?.(new Error(err instanceof ApiError ? (Object.values(err.fields ?? {})[0] ?? err.message) : t('errors.network'))));
        }}
        onChange={({ fileList }) => {
          setFiles(fileList);
          const ids = fileList.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
          if (ids.join(',') !== (value ?? []).join(',')) onChange?.(ids);
        }}
      >
        <Button icon={<UploadOutlined />}>{t('appraisal.self.chooseEvidence')}</Button>
      </Upload>
    </div>
  );
}
