import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleHas } from '@domain/shared/permissions.js';
import type { Actor } from '@domain/shared/actor.js';
import type { Deps, RequestMeta } from '../context.js';
import type { AnyRoute, RouteContext } from './route.js';
import { AppError, forbidden, isUniqueViolation, unauthenticated } from './errors.js';
import { localeOf } from './error-handler.js';
import { parseInput } from './validate.js';
import { IDEMPOTENCY_HEADER, findStoredAnswer, requestHash, storeAnswer, type StoredAnswer } from './idempotency.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'session' | 'token' | null;
  }
}

// What a user on a temporary password may still reach: who they are, the new password, sign-out.
const OPEN_WHILE_PASSWORD_EXPIRED = new Set(['/api/auth/me', '/api/auth/change-password', '/api/auth/logout']);

function checkAccess(route: AnyRoute, actor: Actor | null): void {
  if (route.access === 'public') return;
  if (!actor) throw unauthenticated();
  if (actor.mustChangePassword && actor.via === 'session' && !OPEN_WHILE_PASSWORD_EXPIRED.has(route.url)) throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
  if (route.access === 'authenticated') return;
  if (!roleHas(actor.role, route.access.permission)) throw forbidden();
}

function buildContext(route: AnyRoute, req: FastifyRequest, reply: FastifyReply, deps: Deps): RouteContext<unknown, unknown, unknown> {
  const locale = localeOf(req);
  const params = route.params ? parseInput(route.params, req.params, locale) : req.params;
  const query = route.query ? parseInput(route.query, req.query ?? {}, locale) : req.query;
  const body = route.body && !route.raw ? parseInput(route.body, req.body ?? {}, locale) : req.body;
  const actor = req.actor;
  const meta = { actor, ip: req.ip ?? null, locale } as RequestMeta;
  return { body, query, params, actor, meta, locale, deps, db: deps.db, req, reply };
}

/** Mounts every route with the same pipeline: access → validation → idempotency → handler → JSON. */
export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], deps: Deps): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (req, reply) => {
        checkAccess(route, req.actor);
        const ctx = buildContext(route, req, reply, deps);
        const status = route.status ?? 200;
        const key = route.idempotent ? req.headers[IDEMPOTENCY_HEADER] : undefined;
        if (typeof key === 'string' && key.length > 0 && req.actor) {
          return runIdempotent(route, ctx, key.slice(0, 200), status, deps);
        }
        const result = await route.handler(ctx);
        if (reply.sent) return reply;
        return reply.status(status).send(result);
      },
    });
  }
}

async function runIdempotent(route: AnyRoute, ctx: RouteContext<unknown, unknown, unknown>, key: string, status: number, deps: Deps) {
  const userId = ctx.actor!.id;
  const routeKey = `${route.method} ${ctx.req.url.split('?')[0]}`;
  const hash = requestHash(routeKey, ctx.body);
  const replay = (stored: StoredAnswer | 'reused') => {
    if (stored === 'reused') throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED');
    return ctx.reply.status(stored.status).header('idempotent-replay', 'true').send(stored.body);
  };
  const stored = await findStoredAnswer(deps.db, userId, key, routeKey, hash);
  if (stored) return replay(stored);
  try {
    const body = await deps.db.transaction().execute(async (trx) => {
      const result = await route.handler({ ...ctx, db: trx });
      await storeAnswer(trx, userId, key, routeKey, hash, { status, body: result }, deps.now().toISOString());
      return result;
    });
    return ctx.reply.status(status).send(body);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A concurrent request with the same key committed first: answer what it answered.
    const winner = await findStoredAnswer(deps.db, userId, key, routeKey, hash);
    if (winner) return replay(winner);
    throw new AppError(409, 'CONFLICT');
  }
}
