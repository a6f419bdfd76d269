import { z } from 'zod';
import { defineSetting } from '../settings/setting.def.js';

const extension = z.string().regex(/^[a-z0-9]{1,10}$/, 'field.invalidFormat');

/** Upload limits every module's attachments share. */
export const FILE_SETTINGS = {
  'files.maxUploadMb': defineSetting({
    schema: z.number().int().min(1).max(200),
    default: 20,
    description: { zh: '单个上传文件大小上限（MB）', en: 'Maximum size of one uploaded file (MB)' },
  }),
  'files.allowedTypes': defineSetting({
    schema: z.array(extension).min(1).max(50),
    default: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'png', 'jpg', 'jpeg', 'txt', 'zip', 'csv'],
    description: { zh: '允许上传的文件扩展名', en: 'File extensions allowed for upload' },
  }),
};
