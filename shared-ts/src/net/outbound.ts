/**
 * Where NavSync may send a request. Every client checks each URL before it is requested (scheme, host allow-lists
 * for token endpoints and export downloads, literal private addresses) and connects only through `guardedLookup`,
 * which refuses host names that resolve to private, loopback or link-local addresses: the check runs on the address
 * the socket then connects to, so a name cannot be re-pointed (DNS rebinding) between check and connection.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { CatalogueError } from '../domain/errors';

export type Platform = 'salesforce' | 'dataverse' | 'linkedin';
export type Purpose = 'api' | 'token' | 'download';

export interface OutboundPolicy {
  /** Plain http to 127.0.0.1 / ::1 (the loopback test doubles); never set for a real org. */
  allowLoopback?: boolean;
}

const exact =
  (...hosts: string[]) =>
  (h: string) =>
    hosts.includes(h);
const under =
  (...suffixes: string[]) =>
  (h: string) =>
    suffixes.some((s) => h.endsWith(`.${s}`));
const either =
  (...tests: ((h: string) => boolean)[]) =>
  (h: string) =>
    tests.some((t) => t(h));

/**
 * Token endpoints per platform. Salesforce: login (production), test (sandbox) and My Domain hosts (sandboxes are
 * `<name>--<sandbox>.sandbox.my.salesforce.com`). Microsoft Entra ID: the global service and the national clouds
 * (learn.microsoft.com/entra/identity-platform/authentication-national-cloud; login.chinacloudapi.cn is the older
 * 21Vianet host). LinkedIn: the OAuth host of the client-credentials flow.
 */
const TOKEN_HOSTS: Record<Platform, (host: string) => boolean> = {
  salesforce: either(exact('login.salesforce.com', 'test.salesforce.com'), under('my.salesforce.com')),
  dataverse: exact(
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.partner.microsoftonline.cn',
    'login.chinacloudapi.cn',
  ),
  linkedin: exact('www.linkedin.com'),
};

/** Data Validation export files are served by LinkedIn's own hosts (signed "ambry" URLs on www.linkedin.com). */
const DOWNLOAD_HOSTS: Record<Platform, (host: string) => boolean> = {
  salesforce: () => false,
  dataverse: () => false,
  linkedin: exact('www.linkedin.com', 'api.linkedin.com'),
};

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Addresses no request of NavSync goes to: private, shared, link-local, unspecified, multicast, reserved. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const v = isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : null;
}

/** `::ffff:10.0.0.1` is 10.0.0.1. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

/** Why an address may not be contacted, or null when it may. */
export function refusedAddress(address: string, policy: OutboundPolicy = {}): string | null {
  const a = unmapped(address.replace(/^\[|\]$/g, ''));
  const family = familyOf(a);
  if (!family) return null;
  if (LOOPBACK.check(a, family)) return policy.allowLoopback ? null : 'a loopback address';
  if (PRIVATE.check(a, family)) return 'a private or link-local address';
  return null;
}

export function refused(detail: string): CatalogueError {
  return new CatalogueError('OUTBOUND_REFUSED', detail);
}

/**
 * Checks a URL before it is requested; returns it parsed. Loopback over http is accepted only when the policy allows
 * it (the doubles), and then for every purpose, because the doubles serve tokens and downloads themselves.
 */
export function checkUrl(url: string | URL, platform: Platform, purpose: Purpose, policy: OutboundPolicy = {}): URL {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    throw refused(`${platform} ${purpose}: not a URL`);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const where = `${platform} ${purpose} ${u.protocol}//${u.host}`;
  if (u.username || u.password) throw refused(`${where}: credentials in the URL`);
  const literal = familyOf(unmapped(host));
  if (literal && policy.allowLoopback && LOOPBACK.check(unmapped(host), literal)) {
    if (u.protocol === 'http:' || u.protocol === 'https:') return u;
  }
  if (u.protocol !== 'https:') throw refused(`${where}: only https is allowed`);
  if (literal) {
    const why = refusedAddress(host, policy);
    if (why) throw refused(`${where}: ${why}`);
  }
  if (purpose === 'token' && !TOKEN_HOSTS[platform](host)) throw refused(`${where}: not a ${platform} token endpoint`);
  if (purpose === 'download' && !DOWNLOAD_HOSTS[platform](host)) throw refused(`${where}: not a ${platform} host`);
  return u;
}

/** A redirect is followed only to the origin that was asked. */
export function checkRedirect(from: URL, location: string): URL {
  const to = new URL(location, from);
  if (to.origin !== from.origin) throw refused(`redirect from ${from.host} to ${to.protocol}//${to.host} not followed`);
  return to;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (
  hostname: string,
  options: { all?: boolean; family?: number },
  cb: LookupCallback,
) => void;

/** A DNS lookup for sockets that refuses names resolving to an address `refusedAddress` rejects (any of them). */
export function guardedLookup(policy: OutboundPolicy = {}): LookupFunction {
  return (hostname, options, cb) => {
    dnsLookup(hostname, { all: true, family: options?.family ?? 0 }, (err, addresses) => {
      if (err) return cb(err, []);
      const bad = addresses.find((a) => refusedAddress(a.address, policy));
      if (bad) {
        const e = Object.assign(
          refused(`${hostname} resolves to ${refusedAddress(bad.address, policy)} (${bad.address})`),
          {
            code: 'ERR_NAVSYNC_OUTBOUND_REFUSED',
          },
        );
        return cb(e as unknown as NodeJS.ErrnoException, []);
      }
      if (options?.all) return cb(null, addresses);
      return cb(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The policy's refusal inside a client library's wrapped error (fetch wraps socket errors in `cause`). */
export function refusalIn(err: unknown): CatalogueError | null {
  let e = err as { cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (e instanceof CatalogueError && (e.kind === 'OUTBOUND_REFUSED' || e.kind === 'RESPONSE_TOO_LARGE')) return e;
    e = e.cause as typeof e;
  }
  return null;
}
