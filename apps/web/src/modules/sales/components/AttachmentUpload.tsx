import { useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { uploadAttachment } from '../api';
import { useSetting } from '../../../shared/hooks/useSetting';

type Props = {
  /** Ids of the uploaded files, sent with the record as `attachmentIds`. */
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
  max?: number;
};

/** Uploads each chosen file at once (POST /api/attachments) and keeps the ids for the record. */
export function AttachmentUpload({ value, onChange, id, max = 20 }: Props) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile<{ id: number }>[]>([]);
  const maxMb = useSetting<number>('files.maxUploadMb');
  const types = useSetting<string[]>('files.allowedTypes');

  const idsOf = (list: UploadFile<{ id: number }>[]) => list.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);

  return (
    <div id={id}>
      <Upload<{ id: number }>
        multiple
        fileList={files}
        accept={types?.map((ext) => `.${ext}`).join(',')}
        maxCount={max}
        beforeUpload={(file) => {
          if (maxMb && file.size > maxMb * 1024 * 1024) {
            setFiles((list) => [...list, { uid: file.uid, name: file.name, status: 'error', response: undefined, error: new Error(t('sales.attachments.tooLarge', { max: maxMb })) }]);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadAttachment(file as File)
            .then((saved) => onSuccess?.({ id: saved.id }))
            .catch((err: unknown) => onError?.(err instanceof ApiError ? new Error(Object.values(err.fields ?? {})[0] ?? err.message) : new Error(t('errors.network'))));
        }}
        onChange={({ fileList }) => {
          const list = fileList.map((f) => (f.status === 'error' && f.error instanceof Error ? { ...f, response: undefined, status: 'error' as const } : f));
          setFiles(list);
          const ids = idsOf(list);
          if (ids.join(',') !== (value ?? []).join(',')) onChange?.(ids);
        }}
        itemRender={(node, file) => (file.status === 'error' && file.error instanceof Error ? <div title={file.error.message}>{node}<div className="upload-error">{file.error.message}</div></div> : node)}
      >
        <Button icon={<UploadOutlined />}>{t('sales.attachments.choose')}</Button>
      </Upload>
      {maxMb !== undefined && types && (
        <div className="field-hint">{t('sales.attachments.hint', { max: maxMb, types: types.join('、') })}</div>
      )}
    </div>
  );
}
