import { z } from 'zod';

export const attachmentEntitySchema = z.string().min(1).max(60).regex(/^[a-z][a-z0-9_-]*$/, 'field.invalidFormat');

export const attachmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

/** The text fields that may accompany an upload. */
export const uploadFieldsSchema = z
  .strictObject({
    entity: attachmentEntitySchema.optional(),
    entityId: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  })
  .refine((f) => f.entityId === undefined || f.entity !== undefined, { message: 'field.required', path: ['entity'] });
export type UploadFields = z.infer<typeof uploadFieldsSchema>;
