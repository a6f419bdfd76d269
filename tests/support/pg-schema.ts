import pg from 'pg';

/** The URL with `search_path` set, so a server process (or pool) works in the given schema. */
export function urlWithSchema(url: string, schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name ${schema}`);
  const [base, query = ''] = url.split('?');
  const params = query.split('&').filter((p) => p && !p.startsWith('options='));
  params.push(`options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  return `${base}?${params.join('&')}`;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates a fresh, uniquely named schema and answers its name. */
export async function createSchema(url: string, prefix: string): Promise<string> {
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withClient(url, (c) => c.query(`create schema ${schema}`));
  return schema;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (c) => c.query(`drop schema if exists ${schema} cascade`));
}

export async function recreateSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (c) => c.query(`drop schema if exists ${schema} cascade; create schema ${schema}`));
}

export async function schemaHasTable(url: string, schema: string, table: string): Promise<boolean> {
  return withClient(url, async (c) => (await c.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [schema, table])).rowCount === 1);
}
