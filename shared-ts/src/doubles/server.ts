/**
 * Shared plumbing of the loopback API doubles: a node:http server on 127.0.0.1 with an ephemeral port,
 * per-kind request counting, and fault injection ("the next N requests of these kinds answer with …").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Only requests of these kinds (default: every kind except the token endpoint). */
  kinds?: string[];
  /** Close the connection without an answer (a network failure). */
  destroy?: boolean;
  /** Read the request and never answer (a server that hangs); the connection ends when the double closes. */
  stall?: boolean;
}

export interface RequestLogEntry {
  kind: string;
  method: string;
  path: string;
  status: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export abstract class LoopbackDouble {
  private server: Server | null = null;
  private faults: { fault: Fault; remaining: number }[] = [];
  private hooks: { kinds: string[]; method?: string; fn: () => void }[] = [];
  readonly log: RequestLogEntry[] = [];
  private countsByKind: Record<string, number> = {};
  private totalCount = 0;
  /** Remote addresses of every connection served (all 127.0.0.1 by construction). */
  readonly peers = new Set<string>();
  url = '';

  /** Classify a request for counting and fault matching. */
  protected abstract kindOf(method: string, path: string): string;
  protected abstract handle(
    kind: string,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<void> | void;

  /** The kind a request is counted under (a proxy in front of the double counts by the same kinds). */
  requestKind(method: string, path: string): string {
    return this.kindOf(method, path);
  }

  async listen(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await closeServer(s);
  }

  /** The next `n` matching requests fail with this fault. */
  failNext(n: number, fault: Fault): void {
    this.faults.push({ fault, remaining: n });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /**
   * Runs `fn` once, just before the next request of these kinds (and method, if given) is handled: what a user
   * does in the CRM while a request of the engine is on its way (e.g. a rep editing a record during an apply).
   */
  beforeNext(kinds: string[], fn: () => void, method?: string): void {
    this.hooks.push({ kinds, method, fn });
  }

  counts(): { total: number; byKind: Record<string, number> } {
    return { total: this.totalCount, byKind: { ...this.countsByKind } };
  }

  resetCounts(): void {
    this.countsByKind = {};
    this.totalCount = 0;
    this.log.length = 0;
  }

  private takeFault(kind: string): Fault | null {
    for (const f of this.faults) {
      const kinds = f.fault.kinds;
      const matches = kinds ? kinds.includes(kind) : kind !== 'token';
      if (f.remaining > 0 && matches) {
        f.remaining--;
        this.faults = this.faults.filter((x) => x.remaining > 0);
        return f.fault;
      }
    }
    return null;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const kind = this.kindOf(req.method ?? 'GET', path);
    this.totalCount++;
    this.countsByKind[kind] = (this.countsByKind[kind] ?? 0) + 1;
    if (req.socket.remoteAddress) this.peers.add(req.socket.remoteAddress);
    const entry: RequestLogEntry = { kind, method: req.method ?? 'GET', path, status: 0 };
    this.log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    try {
      const body = await readBody(req);
      const hook = this.hooks.find((h) => h.kinds.includes(kind) && (!h.method || h.method === req.method));
      if (hook) {
        this.hooks = this.hooks.filter((h) => h !== hook);
        hook.fn();
      }
      const fault = this.takeFault(kind);
      if (fault) {
        if (fault.destroy) {
          req.socket.destroy();
          return;
        }
        if (fault.stall) return;
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...(fault.headers ?? {}) });
        res.end(fault.body ?? '');
        return;
      }
      await this.handle(kind, req, res, body);
    } catch (err) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `double error: ${String((err as Error).message ?? err)}` }));
      } else {
        res.destroy();
      }
    }
  }
}

/** Listens on 127.0.0.1 with an ephemeral port; gives the server's URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server and the connections it holds. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
  res.end(text);
}

/** Writes chunks with backpressure (large generated files never sit in memory as a whole). */
export async function streamOut(
  res: ServerResponse,
  chunks: Iterable<string> | AsyncIterable<string>,
  cutAfterBytes?: number,
): Promise<void> {
  let sent = 0;
  for await (const chunk of chunks as AsyncIterable<string>) {
    if (cutAfterBytes !== undefined && sent + Buffer.byteLength(chunk) > cutAfterBytes) {
      const part = Buffer.from(chunk).subarray(0, Math.max(0, cutAfterBytes - sent));
      res.write(part);
      await new Promise((r) => setTimeout(r, 20));
      res.destroy();
      return;
    }
    sent += Buffer.byteLength(chunk);
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}
