import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import pino from 'pino';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { createDeps, type Deps } from './platform/context.js';
import { registerAuthHook } from './platform/auth/auth-hook.js';
import { errorHandler, localeOf, sendError } from './platform/http/error-handler.js';
import { registerRoutes } from './platform/http/register.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { MODULES } from './modules.js';
import { moduleRegistry, routesOf, type ServerModule } from './platform/module.js';
import { MULTIPART_OPTIONS } from './platform/files/multipart.js';
import { answerClientError } from './platform/http/client-error.js';

export const APP_VERSION = '0.1.0';

export type BuildOptions = {
  config: Config;
  database: Database;
  now?: () => Date;
  logger?: boolean;
  /** The modules to serve: all of them unless a test adds or leaves out some. */
  modules?: readonly ServerModule[];
};

export async function buildApp({ config, database, now = () => new Date(), logger = true, modules = MODULES }: BuildOptions): Promise<{ app: FastifyInstance; deps: Deps }> {
  const log = pino({ level: logger ? config.logLevel : 'silent', redact: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'] });
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.YUNYING_TRUST_PROXY === '1',
    routerOptions: { maxParamLength: 200 },
    // Errors raised before a route is found (a path parameter too long, a malformed url) or by the
    // HTTP parser go out in the API's own shape too.
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
    clientErrorHandler: answerClientError,
  }) as unknown as FastifyInstance;
  const deps = createDeps({ database, config, log, now, modules: moduleRegistry(modules) });
  const routes = routesOf(modules);

  await app.register(cookie);
  await app.register(multipart, MULTIPART_OPTIONS);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  app.setErrorHandler(errorHandler);
  registerAuthHook(app, deps);

  // Generating the document from every zod schema takes ~0.2 s: done on first request, not at start.
  // The plugin only holds a placeholder (swagger-ui requires it); `app.swagger()` answers the real one.
  const placeholder = { openapi: '3.1.0', info: { title: 'Yunying', version: APP_VERSION }, paths: {} };
  await app.register(swagger, { mode: 'static', decorator: 'swaggerPlaceholder', specification: { document: placeholder } } as never);
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  app.decorate('swagger', (() => (openApi ??= buildOpenApi(routes, APP_VERSION))) as never);
  // The API's description is for its users: by default those signed in (a session or an API token).
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path !== '/api/openapi.json' && path !== '/api/docs' && !path.startsWith('/api/docs/')) return;
    if (config.apiDocs === 'off') return sendError(reply, localeOf(req), 404, 'ROUTE_NOT_FOUND');
    if (config.apiDocs === 'signed-in' && !req.actor) return sendError(reply, localeOf(req), 401, 'UNAUTHENTICATED');
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRoutes(app, routes, deps);

  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, preCompressed: true, maxAge: '1h', index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return sendError(reply, localeOf(req), 404, 'ROUTE_NOT_FOUND');
    if ((req.method === 'GET' || req.method === 'HEAD') && fs.existsSync(indexHtml)) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(indexHtml));
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Web assets are not built; run npm start.');
  });

  return { app, deps };
}
