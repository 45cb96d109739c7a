import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ColumnMapping } from '../linkedin/config';
import { isSecretLikeName } from '../net/secretNames';

/**
 * The CLI's configuration: a JSON file for everything that is not a secret, environment variables for the
 * credentials. A secret written into the file is refused (config files end up in repos and tickets).
 */
export interface NavSyncConfig {
  crm: 'salesforce' | 'dataverse';
  salesforce?: { instanceUrl: string; loginUrl?: string; namespace?: string | null; apiVersion?: string };
  dataverse?: { url: string; tenantId?: string; tokenUrl?: string; apiVersion?: string };
  linkedin:
    | {
        source: 'api';
        apiBaseUrl?: string;
        tokenUrl?: string;
        crmKey?: string;
        crmInstanceValue?: string;
        partner?: string;
        associationInstanceId?: string;
        columns?: Partial<ColumnMapping>;
        /** First export poll interval (ms); LinkedIn's jobs take minutes, the default is 5 s. */
        pollIntervalMs?: number;
        /** CSV separator of the export (sniffed from its header when not given). */
        delimiter?: string;
      }
    | {
        source: 'file';
        exportFiles: string[];
        associationsFile?: string;
        columns?: Partial<ColumnMapping>;
        /** CSV separator (`;` for files from European spreadsheet programs); sniffed from the header when not given. */
        delimiter?: string;
        /** The files' encoding when it is not UTF-8 (e.g. `windows-1252`); any other file is refused. */
        encoding?: string;
      };
  /** LinkedIn company pages (CSV / JSON lines) that accounts are matched against; the APIs carry none. */
  companiesFile?: string;
  inboxFile?: string;
  outDir?: string;
  locale?: string;
  /** A file (mode 0600) with the credentials, as `navsync connect` writes it (credentialsFile.ts). */
  credentialsFile?: string;
  /** Plain http to 127.0.0.1 / ::1, for the loopback test doubles only; a real installation never sets it. */
  allowLoopback?: boolean;
}

/** Credentials, from the environment only. */
export interface Credentials {
  sfClientId?: string;
  sfClientSecret?: string;
  sfAccessToken?: string;
  dvClientId?: string;
  dvClientSecret?: string;
  dvAccessToken?: string;
  /** A delegated sign-in (device code for Dataverse, the browser for Salesforce): exchanged for access tokens. */
  dvRefreshToken?: string;
  sfRefreshToken?: string;
  linkedinClientId?: string;
  linkedinClientSecret?: string;
}

export const ENV = {
  config: 'NAVSYNC_CONFIG',
  sfClientId: 'NAVSYNC_SF_CLIENT_ID',
  sfClientSecret: 'NAVSYNC_SF_CLIENT_SECRET',
  sfAccessToken: 'NAVSYNC_SF_ACCESS_TOKEN',
  dvClientId: 'NAVSYNC_DV_CLIENT_ID',
  dvClientSecret: 'NAVSYNC_DV_CLIENT_SECRET',
  dvAccessToken: 'NAVSYNC_DV_ACCESS_TOKEN',
  dvRefreshToken: 'NAVSYNC_DV_REFRESH_TOKEN',
  sfRefreshToken: 'NAVSYNC_SF_REFRESH_TOKEN',
  linkedinClientId: 'NAVSYNC_LINKEDIN_CLIENT_ID',
  linkedinClientSecret: 'NAVSYNC_LINKEDIN_CLIENT_SECRET',
} as const;

/** Settings whose names contain a secret-like word but hold no secret. */
const NOT_SECRET = new Set(['crmKey']);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Every string setting whose name says secret, and every URL carrying a user name or password. */
function findSecretKeys(value: unknown, path: string[] = []): string[] {
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const at = [...path, k].join('.');
    if (typeof v === 'string' && v && ((isSecretLikeName(k) && !NOT_SECRET.has(k)) || hasUserInfo(v))) out.push(at);
    out.push(...findSecretKeys(v, [...path, k]));
  }
  return out;
}

function hasUserInfo(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return !!(u.username || u.password);
  } catch {
    return false;
  }
}

/** Anyone who may edit the config can send NavSync's requests (and credentials) elsewhere. */
function writableByOthers(file: string): string | null {
  if (process.platform === 'win32') return null;
  const mode = statSync(file).mode;
  const who = [mode & 0o020 ? 'group' : '', mode & 0o002 ? 'others' : ''].filter(Boolean).join(' and ');
  return who
    ? `warning: config file ${file} is writable by ${who}; anyone who can edit it can point NavSync's requests elsewhere (chmod go-w)`
    : null;
}

/** Read and check the config file; relative paths in it are relative to the file. */
export function loadConfig(file: string, warn: (line: string) => void = () => undefined): NavSyncConfig {
  if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
  const writable = writableByOthers(file);
  if (writable) warn(writable);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`config file is not valid JSON: ${(e as Error).message}`);
  }
  const secrets = findSecretKeys(raw);
  if (secrets.length) {
    throw new ConfigError(
      `secrets do not belong in the config file (${secrets.join(', ')}); set them as environment variables (${Object.values(ENV).slice(1).join(', ')})`,
    );
  }
  const cfg = raw as NavSyncConfig;
  if (cfg.crm !== 'salesforce' && cfg.crm !== 'dataverse')
    throw new ConfigError('config: "crm" must be "salesforce" or "dataverse"');
  if (cfg.crm === 'salesforce' && !cfg.salesforce?.instanceUrl)
    throw new ConfigError('config: salesforce.instanceUrl is required');
  if (cfg.crm === 'dataverse' && !cfg.dataverse?.url) throw new ConfigError('config: dataverse.url is required');
  if (!cfg.linkedin || (cfg.linkedin.source !== 'api' && cfg.linkedin.source !== 'file')) {
    throw new ConfigError('config: linkedin.source must be "api" or "file"');
  }
  const base = dirname(resolve(file));
  const rel = (p: string | undefined) => (p === undefined ? undefined : resolve(base, p));
  if (cfg.linkedin.source === 'file') {
    cfg.linkedin.exportFiles = (cfg.linkedin.exportFiles ?? []).map((p) => resolve(base, p));
    cfg.linkedin.associationsFile = rel(cfg.linkedin.associationsFile);
  }
  cfg.companiesFile = rel(cfg.companiesFile);
  cfg.inboxFile = rel(cfg.inboxFile);
  cfg.outDir = rel(cfg.outDir);
  cfg.credentialsFile = rel(cfg.credentialsFile);
  return cfg;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  const out: Credentials = {};
  for (const [k, name] of Object.entries(ENV)) {
    if (k === 'config') continue;
    const v = env[name];
    if (v) (out as Record<string, string>)[k] = v;
  }
  return out;
}
