import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  webDist: string;
  sessionTtlHours: number;
  secureCookies: boolean;
  logLevel: string;
  scheduler: boolean;
  instanceId: string;
  /** Who may read /api/openapi.json and /api/docs (README › Configuration). */
  apiDocs: 'public' | 'signed-in' | 'off';
};

function apiDocsOf(value: string | undefined): Config['apiDocs'] {
  if (value === 'public' || value === 'off') return value;
  return 'signed-in';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const root = process.cwd();
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(root, env.YUNYING_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.YUNYING_ADMIN_PASSWORD || undefined,
    demo: env.YUNYING_DEMO === '1' || env.YUNYING_DEMO === 'true',
    webDist: path.resolve(root, env.YUNYING_WEB_DIST ?? 'dist/web'),
    sessionTtlHours: Number(env.YUNYING_SESSION_TTL_HOURS ?? 12),
    secureCookies: env.YUNYING_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'warn',
    scheduler: env.YUNYING_SCHEDULER !== '0',
    instanceId: env.YUNYING_INSTANCE_ID ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    apiDocs: apiDocsOf(env.YUNYING_API_DOCS),
    ...overrides,
  };
}
