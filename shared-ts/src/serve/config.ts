import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, loadConfig, type NavSyncConfig } from '../sync/config';
import { DEFAULT_SCHEDULE, checkSchedule } from './schedule';

/**
 * What `navsync serve` runs: the connections (one per CRM org), the schedule, the database and the address.
 * They come from the `serve` section of the config file; a config file that is itself a connection (it has
 * `crm`) is the connection "default". Other connections are listed by name → their own config file:
 *   { "crm": "salesforce", …, "serve": { "listen": "127.0.0.1:8787", "schedule": "0 3 * * *",
 *     "connections": { "emea": "emea.navsync.json" } } }
 */
export interface ServeConnection {
  name: string;
  file: string;
  config: NavSyncConfig;
}

export interface ServeSettings {
  host: string;
  port: number;
  database: string;
  schedule: string;
  timezone?: string;
  /** A second, shorter schedule on which received activities are written (only when some are waiting). */
  writeBackEvery?: string;
  /** How long a stop waits for running cycles before leaving them to be resumed at the next start. */
  stopGraceMs: number;
  /** The job queue's tuning (`serve.queue`), used with `--queue`. */
  queue: QueueSettings;
  connections: ServeConnection[];
}

/** With `--queue`: workers per process, and how soon a dead process's job and run are taken over. */
export interface QueueSettings {
  concurrency: number;
  /** A job not finished by then is handed out again (its run is taken over only when its lease ran out). */
  expireInSeconds: number;
  /** A running run's lease, renewed every third of it; a crashed process's lease runs out after this. */
  leaseMs: number;
  retryLimit: number;
  retryDelaySeconds: number;
  maintenanceIntervalSeconds: number;
  pollingIntervalSeconds: number;
}

const QUEUE_DEFAULTS = {
  concurrency: 2,
  expireInSeconds: 900,
  leaseSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 60,
  maintenanceIntervalSeconds: 60,
  pollingIntervalSeconds: 2,
};

function queueSettings(raw: unknown): QueueSettings {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw)))
    throw new ConfigError('config: serve.queue must be an object');
  const v = { ...QUEUE_DEFAULTS, ...(raw as Record<string, unknown>) } as Record<string, unknown>;
  for (const [k, x] of Object.entries(v)) {
    if (!(k in QUEUE_DEFAULTS))
      throw new ConfigError(`config: serve.queue.${k} is not a setting (${Object.keys(QUEUE_DEFAULTS).join(', ')})`);
    if (typeof x !== 'number' || !(x >= (k === 'retryLimit' ? 0 : 0.5)))
      throw new ConfigError(`config: serve.queue.${k} must be a positive number`);
  }
  const n = v as typeof QUEUE_DEFAULTS;
  return {
    concurrency: Math.floor(n.concurrency),
    expireInSeconds: Math.ceil(n.expireInSeconds),
    leaseMs: n.leaseSeconds * 1000,
    retryLimit: Math.floor(n.retryLimit),
    retryDelaySeconds: Math.ceil(n.retryDelaySeconds),
    maintenanceIntervalSeconds: Math.ceil(n.maintenanceIntervalSeconds),
    pollingIntervalSeconds: n.pollingIntervalSeconds,
  };
}

export interface ServeOverrides {
  listen?: string;
  database?: string;
  schedule?: string;
}

export const DEFAULT_PORT = 8787;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** `host:port`, `:port`, `port` or `[v6]:port`; loopback unless an address is given. */
export function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*))?:?(\d+)$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 0 && port < 65536)) throw new ConfigError(`listen address "${value}" is not host:port`);
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port };
}

type Raw = Record<string, unknown>;

export function loadServeSettings(file: string, o: ServeOverrides = {}): ServeSettings {
  if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
  let raw: Raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Raw;
  } catch (e) {
    throw new ConfigError(`config file is not valid JSON: ${(e as Error).message}`);
  }
  const serve = (raw.serve ?? {}) as Raw;
  const base = dirname(resolve(file));
  const str = (k: string) => {
    const v = serve[k];
    if (v !== undefined && typeof v !== 'string') throw new ConfigError(`config: serve.${k} must be a string`);
    return v as string | undefined;
  };
  const connections: ServeConnection[] = [];
  if (raw.crm !== undefined) connections.push({ name: 'default', file: resolve(file), config: loadConfig(file) });
  const listed = serve.connections ?? {};
  if (typeof listed !== 'object' || Array.isArray(listed))
    throw new ConfigError('config: serve.connections maps a name to a config file');
  for (const [name, path] of Object.entries(listed as Raw)) {
    if (!NAME.test(name))
      throw new ConfigError(`config: connection name "${name}" may hold letters, digits, ".", "_" and "-"`);
    if (typeof path !== 'string') throw new ConfigError(`config: serve.connections.${name} must be a file name`);
    if (connections.some((c) => c.name === name)) throw new ConfigError(`config: connection "${name}" is listed twice`);
    const f = resolve(base, path);
    connections.push({ name, file: f, config: loadConfig(f) });
  }
  if (!connections.length) throw new ConfigError('config: no connection (give "crm" or serve.connections)');
  const schedule = o.schedule ?? str('schedule') ?? DEFAULT_SCHEDULE;
  const timezone = str('timezone');
  const writeBackEvery = str('writeBackEvery');
  for (const p of [schedule, writeBackEvery]) {
    const problem = p && checkSchedule(p, timezone);
    if (problem) throw new ConfigError(`config: ${problem}`);
  }
  const grace = serve.stopGraceSeconds ?? 25;
  if (typeof grace !== 'number' || grace < 0)
    throw new ConfigError('config: serve.stopGraceSeconds must be a number of seconds');
  return {
    ...parseListen(o.listen ?? str('listen') ?? `127.0.0.1:${DEFAULT_PORT}`),
    database: o.database ? resolve(o.database) : resolve(base, str('database') ?? 'navsync-state.db'),
    schedule,
    ...(timezone ? { timezone } : {}),
    ...(writeBackEvery ? { writeBackEvery } : {}),
    stopGraceMs: grace * 1000,
    queue: queueSettings(serve.queue),
    connections,
  };
}
