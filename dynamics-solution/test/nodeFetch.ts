import { request } from 'node:http';

/** A minimal fetch over node:http, for tests that run in jsdom (which has no fetch) against the loopback double. */
export function nodeFetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; text(): Promise<string> }>((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(text) });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
