import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { ConfigError, ENV, credentialsFromEnv, type Credentials, type NavSyncConfig } from './config';
import { writePrivateFileSync } from './privateFile';

/**
 * A connection's credentials kept in a file only the running user can read (what `navsync connect` writes when the
 * secrets are not left in the environment): JSON of the environment variable names, e.g.
 * `{ "NAVSYNC_SF_CLIENT_ID": "…", "NAVSYNC_SF_CLIENT_SECRET": "…" }`. The config names it as `credentialsFile`.
 * A file that others can read is refused, as ssh refuses such a key.
 */
const NAMES = new Set<string>(Object.values(ENV).filter((n) => n !== ENV.config));

export function readCredentialsFile(file: string): Record<string, string> {
  if (!existsSync(file)) throw new ConfigError(`credentials file not found: ${file}`);
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && mode & 0o077) {
    throw new ConfigError(
      `credentials file ${file} can be read by others (mode ${mode.toString(8)}): run chmod 600 on it`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError(`credentials file ${file} is not valid JSON`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`credentials file ${file} must hold a JSON object`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!NAMES.has(k))
      throw new ConfigError(`credentials file ${file}: unknown name ${k} (expected ${[...NAMES].join(', ')})`);
    if (typeof v === 'string' && v) out[k] = v;
  }
  return out;
}

/** Written with mode 0600 (set on the open file too, so an older file with a wider mode is narrowed). */
export function writeCredentialsFile(file: string, values: Record<string, string>): void {
  writePrivateFileSync(file, `${JSON.stringify(values, null, 2)}\n`);
}

/**
 * Changes some values of a credentials file, e.g. a rotated refresh token. Written to a private file beside it and
 * renamed over it, so a crash mid-write leaves the old file whole (losing a refresh token means signing in again).
 */
export function updateCredentialsFile(file: string, changes: Record<string, string>): void {
  const next = { ...(existsSync(file) ? readCredentialsFile(file) : {}), ...changes };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeCredentialsFile(tmp, next);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The credentials of a connection: its credentials file (when the config names one) over the environment. */
export function credentialsFor(cfg: Pick<NavSyncConfig, 'credentialsFile'>, env: NodeJS.ProcessEnv): Credentials {
  return credentialsFromEnv(cfg.credentialsFile ? { ...env, ...readCredentialsFile(cfg.credentialsFile) } : env);
}
