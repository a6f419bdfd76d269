import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';
import { safeEqual } from './tokens.js';
import { SESSION_COOKIE } from './sessions.js';
import { sendError, localeOf } from '../http/error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in has no session yet; every other cookie-authenticated write, signing out included, carries the token.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/** Resolves the actor from a Bearer token or the session cookie, and enforces CSRF on cookie writes. */
export function registerAuthHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const resolved = await deps.sessions.resolveToken(auth.slice(7).trim());
      if (resolved) {
        req.actor = resolved.actor;
        req.authVia = 'token';
      }
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await deps.sessions.resolveSession(token);
    if (!resolved) return;
    req.actor = resolved.actor;
    req.authVia = 'session';
    req.csrfToken = resolved.csrfToken;
    if (!SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(req.url.split('?')[0]!)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !resolved.csrfToken || !safeEqual(sent, resolved.csrfToken)) {
        return sendError(reply, localeOf(req), 403, 'CSRF');
      }
    }
  });
}
