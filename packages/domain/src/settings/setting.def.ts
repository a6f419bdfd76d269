import type { z } from 'zod';

/** What one company setting is: how its value is validated, its default, and what it means. */
export type SettingDef<S extends z.ZodType> = {
  schema: S;
  default: z.infer<S>;
  description: { zh: string; en: string; zhTW?: string };
};

/** Declares a setting with its schema, default and description (typed so the default matches the schema). */
export function defineSetting<S extends z.ZodType>(def: SettingDef<S>): SettingDef<S> {
  return def;
}
