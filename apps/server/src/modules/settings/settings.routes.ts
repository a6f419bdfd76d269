import { settingKeyParams, settingListSchema, settingSchema, settingVersionCreateSchema } from '@domain/settings/setting.schema.js';
import { defineRoute, type AnyRoute } from '../../platform/http/route.js';
import { createSettingVersion, listSettings } from './settings.service.js';

const tags = ['settings'];

/** The settings routes under `base`: `/api/settings`, and `/api/policies`, the older name kept for existing API clients. */
function settingRoutesAt(base: '/api/settings' | '/api/policies'): AnyRoute[] {
  const alias = base === '/api/policies' ? ' (older name of /api/settings, kept for existing clients)' : '';
  return [
    defineRoute({
      method: 'GET',
      url: base,
      summary: `Every company setting: the value in force today, the default, and all versions${alias}`,
      tags,
      access: { permission: 'setting.read' },
      response: settingListSchema,
      handler: async ({ deps, db, meta }) => {
        const items = await listSettings(deps, db, meta);
        return { items, total: items.length, page: 1, pageSize: items.length };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:key/versions`,
      summary: `Add a version of a company setting, effective from a date (today or later)${alias}`,
      tags,
      access: { permission: 'setting.update' },
      params: settingKeyParams,
      body: settingVersionCreateSchema,
      response: settingSchema,
      status: 201,
      idempotent: true,
      handler: ({ params, body, deps, db, meta }) => createSettingVersion(deps, db, meta, params.key, body),
    }),
  ];
}

export const settingRoutes = [...settingRoutesAt('/api/settings'), ...settingRoutesAt('/api/policies')];
