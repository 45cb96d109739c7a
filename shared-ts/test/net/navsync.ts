/**
 * Runs the real `navsync` command (bin/navsync.cjs → dist, as installed) as a child process against the loopback
 * doubles of a demo environment. Async spawn: the doubles answer from this process's event loop.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoEnvironment } from '../../src/demo/environment';

const pkg = join(__dirname, '..', '..');
export const navsyncBuilt = existsSync(join(pkg, 'dist', 'sync', 'cli.js'));

export interface NavsyncResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function navsync(args: string[], vars: Record<string, string>, cwd?: string): Promise<NavsyncResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(pkg, 'bin', 'navsync.cjs'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...vars },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export type Crm = 'salesforce' | 'dataverse';

/** A config file for one CRM of the demo environment; `extra` is merged on top (per section). */
export function writeConfig(env: DemoEnvironment, dir: string, crm: Crm, extra: Record<string, unknown> = {}): string {
  const li = env.linkedin[crm];
  const { linkedin, salesforce, dataverse, ...rest } = extra as Record<string, Record<string, unknown> | undefined>;
  const cfg = {
    crm,
    // The doubles listen on loopback over http; a real config never sets this.
    allowLoopback: true,
    ...(crm === 'salesforce'
      ? { salesforce: { instanceUrl: env.salesforce.url, namespace: env.salesforce.ns, ...salesforce } }
      : { dataverse: { url: env.dataverse.url, tokenUrl: env.dataverse.tokenUrl, ...dataverse } }),
    linkedin: {
      source: 'api',
      apiBaseUrl: li.apiBaseUrl,
      tokenUrl: li.tokenUrl,
      crmInstanceValue: crm === 'salesforce' ? env.salesforce.orgId : env.dataverse.organizationId,
      pollIntervalMs: 10,
      ...linkedin,
    },
    inboxFile: env.inboxFile,
    outDir: join(dir, `autosave-${crm}`),
    ...rest,
  };
  const file = join(dir, `navsync-${crm}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  return file;
}

/** The environment variables a run against the doubles needs. */
export function credentials(env: DemoEnvironment, crm: Crm): Record<string, string> {
  const li = env.linkedin[crm];
  const crmVars: Record<string, string> =
    crm === 'salesforce'
      ? { NAVSYNC_SF_CLIENT_ID: env.salesforce.clientId, NAVSYNC_SF_CLIENT_SECRET: env.salesforce.clientSecret }
      : { NAVSYNC_DV_CLIENT_ID: env.dataverse.clientId, NAVSYNC_DV_CLIENT_SECRET: env.dataverse.clientSecret };
  return { ...crmVars, NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId, NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret };
}
