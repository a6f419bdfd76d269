import http from 'node:http';

export type HttpResult = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A keep-alive HTTP/1.1 client for sequential timed requests (low overhead, like a browser tab). */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  constructor(readonly port: number) {}

  /**
   * The server closes a keep-alive socket after 72 s idle (Fastify's default); a long bare-SQL phase
   * can leave the agent holding one it closed. A request that fails on such a socket before any
   * answer is sent again once on a fresh one.
   */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
    try {
      return await this.once(method, path, body, headers);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ECONNRESET' && code !== 'EPIPE') throw err;
      return this.once(method, path, body, headers);
    }
  }

  private once(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.on('socket', (socket) => {
        if (socket.listenerCount('error') === 0) socket.on('error', () => undefined); // reported through req
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A signed-in user: the session cookie and the CSRF token for writes. */
export type Session = { username: string; userId: number; role: string; cookie: string; csrf: string };

export async function login(client: HttpClient, username: string, password: string): Promise<Session> {
  const res = await client.request('POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error(`login as ${username} set no cookie`);
  const body = JSON.parse(res.body) as { user: { id: number; role: string }; csrfToken: string };
  return { username, userId: body.user.id, role: body.user.role, cookie: setCookie.split(';')[0]!, csrf: body.csrfToken };
}

export function sessionHeaders(s: Session, write = false): Record<string, string> {
  return write ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { cookie: s.cookie };
}
