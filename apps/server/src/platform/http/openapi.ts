import { z } from 'zod';
import { errorSchema } from '@domain/shared/common.schema.js';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parametersOf(route: AnyRoute) {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return parameters;
}

function accessText(route: AnyRoute): string {
  if (route.access === 'public') return 'Public.';
  if (route.access === 'authenticated') return 'Any signed-in user.';
  return `Permission \`${route.access.permission}\`.`;
}

/** OpenAPI 3.1 built from the same zod schemas that validate requests. */
export function buildOpenApi(routes: AnyRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: schemaOf(errorSchema, 'output') } } };
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const status = String(route.status ?? 200);
    const op: Record<string, unknown> = {
      summary: route.summary,
      description: accessText(route) + (route.idempotent ? ' Honours `Idempotency-Key`.' : ''),
      tags: route.tags,
      parameters: parametersOf(route),
      responses: {
        [status]: route.produces
          ? { description: 'OK', content: { [route.produces]: {} } }
          : { description: 'OK', content: { 'application/json': { schema: route.response ? schemaOf(route.response, 'output') : {} } } },
        '400': errorResponse,
        ...(route.access === 'public' ? {} : { '401': errorResponse, '403': errorResponse }),
        '404': errorResponse,
        '409': errorResponse,
      },
    };
    if (route.body && !route.raw) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    } else if (route.raw) {
      op.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } };
    }
    if (route.access !== 'public') op.security = [{ session: [] }, { bearer: [] }];
    (paths[path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Yunying 运营 API', version, description: 'Business department operations. Errors: `{ error: { code, message, fields? } }`; messages follow Accept-Language (zh-CN, zh-TW, en-US).' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'yy_session', description: 'Writes also need X-CSRF-Token.' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
