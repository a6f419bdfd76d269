import { z } from 'zod';
import { changePasswordSchema, profileUpdateSchema } from '@domain/org/user.schema.js';
import { loginSchema, sessionSchema, sessionUserSchema } from '@domain/org/auth.schema.js';
import { okSchema } from '@domain/shared/common.schema.js';
import { defineRoute } from '../../platform/http/route.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { unauthenticated } from '../../platform/http/errors.js';
import { changePassword, login, presentSessionUser, updateProfile } from './auth.service.js';
import { findUserById } from './users.repo.js';

const tags = ['auth'];

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with username and password; sets the session cookie',
    tags,
    access: 'public',
    body: loginSchema,
    response: sessionSchema,
    handler: async ({ body, deps, req, reply }) => {
      const previous = req.cookies[SESSION_COOKIE];
      const { session, user } = await login(deps, body, req.ip, req.headers['user-agent'] ?? null, previous);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        expires: session.expires,
      });
      return { user, csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End the current session',
    tags,
    access: 'public',
    response: okSchema,
    handler: async ({ deps, req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deps.sessions.destroy(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in user and the CSRF token for writes',
    tags,
    access: 'authenticated',
    response: sessionSchema,
    handler: async ({ actor, deps, req }) => {
      const row = await findUserById(deps.db, actor!.id);
      if (!row) throw unauthenticated();
      return { user: presentSessionUser(row), csrfToken: req.csrfToken ?? '' };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/auth/me',
    summary: 'Update my profile (name, contact, language)',
    tags,
    access: { permission: 'profile.update' },
    body: profileUpdateSchema,
    response: sessionUserSchema,
    handler: ({ body, deps, meta }) => updateProfile(deps, meta, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/change-password',
    summary: 'Change my password; my other sessions end',
    tags,
    access: { permission: 'profile.update' },
    body: changePasswordSchema,
    response: z.object({ user: sessionUserSchema }),
    handler: async ({ body, deps, meta, req }) => ({ user: await changePassword(deps, meta, req.cookies[SESSION_COOKIE], body) }),
  }),
];
