import http from 'node:http';

export type Fetched = { status: number; bytes: number; ms: number; body: Buffer | null; headers: http.IncomingHttpHeaders };

/**
 * One GET that counts the bytes on the wire (compressed, as sent) without keeping them unless
 * asked: a large streamed download is measured, not buffered.
 */
export function fetchCounted(port: number, path: string, headers: Record<string, string>, o: { keep?: boolean; agent?: http.Agent } = {}): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path, headers, agent: o.agent ?? false }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (o.keep) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started, body: o.keep ? Buffer.concat(chunks) : null, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
