import { useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { uploadFile } from '../api';

type Props = { value?: number[]; onChange?: (ids: number[]) => void; id?: string; max?: number; testId?: string };

/** Uploads each chosen file at once (POST /api/attachments); the form value is the attachment ids. */
export function FileUpload({ value, onChange, id, max = 10, testId }: Props) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile<{ id: number }>[]>([]);
  const idsOf = (list: UploadFile<{ id: number }>[]) => list.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
  return (
    <div id={id} data-testid={testId}>
      <Upload<{ id: number }>
        multiple={max > 1}
        maxCount={max}
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File)
            .then((saved) => onSuccess?.({ id: saved.id }))
            .catch((err: unknown) => onError?.(new Error(err instanceof ApiError ? (Object.values(err.fields ?? {})[0] ?? err.message) : t('errors.network'))));
        }}
        onChange={({ fileList }) => {
          setFiles(fileList);
          const ids = idsOf(fileList);
          if (ids.join(',') !== (value ?? []).join(',')) onChange?.(ids);
        }}
      >
        <Button icon={<UploadOutlined />}>{t('delivery.form.upload')}</Button>
      </Upload>
    </div>
  );
}
