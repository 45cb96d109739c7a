// Shared by the `navsync serve` test steps: start the real command and wait for things it shows.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './proc.mjs';

export const navsyncBin = join(root, 'shared-ts', 'bin', 'navsync.cjs');

/** Start `navsync serve <args>`; resolves once it printed its address: { name, child, out, url, exited }. */
export function startServe(name, args, { cwd, env }) {
  const child = spawn(process.execPath, [navsyncBin, 'serve', ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p = {
    name,
    child,
    out: '',
    url: '',
    exited: new Promise((r) => child.once('exit', (code, signal) => r({ code, signal }))),
  };
  child.stdout.on('data', (b) => (p.out += b));
  child.stderr.on('data', (b) => (p.out += b));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: navsync serve did not start:\n${p.out}`)), 30_000);
    child.stdout.on('data', () => {
      const m = /navsync serve: (http:\/\/[^/\s]+)\//.exec(p.out);
      if (m && !p.url) {
        p.url = m[1];
        clearTimeout(timer);
        resolve(p);
      }
    });
    child.once('exit', () => reject(new Error(`${name}: navsync serve exited:\n${p.out}`)));
  });
}

/** Poll `check` until it returns something truthy (returned), or fail after `ms`. */
export async function until(what, check, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const serveStatus = async (p) => (await fetch(`${p.url}/status.json`)).json();

/** Demo activities the write-back rules write (a known person, not opted out, calls only from the mobile app). */
export function writableActivities(data, n) {
  const optedOut = (a) => data.users.some((u) => u.email === a.seatHolder && u.writeBackOptOut.includes(a.kind));
  return data.inbox
    .filter((a) => a.expectedPersonKey && !a.optOut && !optedOut(a) && (a.kind !== 'call' || a.channel === 'mobile'))
    .slice(0, n)
    .map(({ expectedPersonKey: _x, ...a }) => a);
}
