import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '@domain/shared/actor.js';
import type { Locale } from '@domain/shared/locale.js';
import type { Permission } from '@domain/shared/permissions.js';
import type { Deps, RequestMeta } from '../context.js';
import type { Executor } from '../db/executor.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route at all: `public` needs no login, `authenticated` any logged-in user,
 * otherwise a permission from the registry. Record rules are checked inside services.
 */
export type Access = 'public' | 'authenticated' | { permission: Permission };

export type RouteContext<B, Q, P> = {
  body: B;
  query: Q;
  params: P;
  actor: Actor | null;
  /** Only for authenticated routes: the actor with ip and language for services and audit. */
  meta: RequestMeta;
  locale: Locale;
  deps: Deps;
  /** The database handle to use: a transaction when the route is idempotent. */
  db: Executor;
  req: FastifyRequest;
  reply: FastifyReply;
};

export type RouteDef<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> = {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** 201 for creates, 200 otherwise. */
  status?: number;
  /** Creates honour Idempotency-Key: the handler and the stored answer commit together. */
  idempotent?: boolean;
  /** Raw bodies (file uploads) bypass JSON validation. */
  raw?: boolean;
  /** Answers that are not JSON (files, Excel, HTML). */
  produces?: string;
  handler: (ctx: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<unknown>;
};

export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType>;

/** Typed helper so handlers infer body/query/params from their schemas. */
export function defineRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  def: RouteDef<B, Q, P>,
): AnyRoute {
  return def as unknown as AnyRoute;
}
