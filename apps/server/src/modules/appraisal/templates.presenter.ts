import type { TemplateContent, TemplateDto } from '@domain/appraisal/template.schema.js';
import type { TemplateRow } from './templates.repo.js';

export function presentTemplate(row: TemplateRow, inForceId: number | null): TemplateDto {
  const content = JSON.parse(row.content_json) as TemplateContent;
  return {
    id: row.id,
    type: row.type as TemplateDto['type'],
    versionNo: row.version_no,
    name: row.name,
    effectiveFrom: row.effective_from,
    note: row.note,
    dimensions: content.dimensions,
    inForce: row.id === inForceId,
    appraisalCount: Number(row.appraisal_count),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
  };
}
