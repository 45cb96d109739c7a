/**
 * Records the host of every outgoing TCP connection made in this test file (node:http, undici/fetch, jsforce all
 * end in net.Socket#connect) so tests can assert that nothing but 127.0.0.1 was contacted.
 */
import net from 'node:net';

export function guardLoopback(): { hosts: Set<string>; restore: () => void } {
  const hosts = new Set<string>();
  const original = net.Socket.prototype.connect;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  net.Socket.prototype.connect = function patched(this: net.Socket, ...args: any[]) {
    const first = args[0];
    const opts = Array.isArray(first) ? first[0] : first;
    if (opts && typeof opts === 'object') hosts.add(String(opts.host ?? opts.path ?? 'localhost'));
    else if (typeof args[1] === 'string') hosts.add(args[1]);
    else hosts.add('localhost');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (original as any).apply(this, args);
  } as typeof original;
  return {
    hosts,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}

export function nonLoopback(hosts: Iterable<string>): string[] {
  return [...hosts].filter((h) => h !== '127.0.0.1' && h !== '::1');
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
