import { z } from 'zod';
import { PROJECT_STATUSES, type ProjectStatus } from './project.machine.js';

/** [2.2.3] the archive's categories. */
export const DOCUMENT_CATEGORIES = ['contract', 'plan', 'report', 'minutes', 'deliverable', 'acceptance'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** Setting: the categories that must be archived by the time the project reaches each stage. */
export const requiredDocumentsSchema = z.partialRecord(z.enum(PROJECT_STATUSES), z.array(z.enum(DOCUMENT_CATEGORIES)).max(DOCUMENT_CATEGORIES.length));
export type RequiredDocuments = z.infer<typeof requiredDocumentsSchema>;

export type ChecklistItem = { stage: ProjectStatus; category: DocumentCategory; present: boolean; due: boolean };

/** Every required (stage, category), whether archived, and whether the project has reached that stage. */
export function documentChecklist(byStage: RequiredDocuments, status: ProjectStatus, present: ReadonlySet<string>): ChecklistItem[] {
  const reached = PROJECT_STATUSES.indexOf(status);
  return PROJECT_STATUSES.flatMap((stage, i) => (byStage[stage] ?? []).map((category) => ({ stage, category, present: present.has(category), due: i <= reached })));
}

/** Categories closing needs (every stage's) that are still missing, in archive order. */
export function missingForClose(byStage: RequiredDocuments, present: ReadonlySet<string>): DocumentCategory[] {
  const required = new Set(PROJECT_STATUSES.flatMap((stage) => byStage[stage] ?? []));
  return DOCUMENT_CATEGORIES.filter((c) => required.has(c) && !present.has(c));
}
