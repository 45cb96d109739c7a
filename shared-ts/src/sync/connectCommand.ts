/**
 * `navsync connect salesforce|dataverse`: walks an admin through connecting one CRM org, checks the connection at
 * once (the error catalogue's messages and remedies when it fails) and writes the config. The client secret is
 * asked for without echo (or taken from the environment), kept in a credentials file only this user can read, or
 * left in the environment with `--secrets env`; it is never printed.
 *
 *   navsync connect salesforce [--config file] [--instance-url https://acme.my.salesforce.com] [--client-id …]
 *   navsync connect dataverse  [--config file] [--url https://org.crm4.dynamics.com] [--tenant-id …] [--client-id …]
 *   navsync connect dataverse --device-code [--url …] [--tenant-id …] [--client-id …]
 *   navsync connect salesforce --browser [--instance-url …] [--client-id …] [--callback-port 1717] [--no-browser]
 *   options: --secrets file|env, --credentials-file file, --login-url / --token-url (sandbox, sovereign clouds)
 * With --device-code the admin signs in as the integration user in a browser on any device (Microsoft's device code
 * flow); no client secret exists, and the refresh token of that sign-in goes to the credentials file. With --browser
 * the admin signs in to Salesforce as the integration user in the browser (web server flow with PKCE, as
 * `sf org login web`), and that sign-in's refresh token is kept the same way.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { CatalogueError, describeError, type ErrorKind } from '../domain/errors';
import { resolveLocale } from '../domain/i18n/index';
import { redact, registerSecret } from '../net/redact';
import { readCommandLine, type OptionKinds } from './args';
import { ConfigError, ENV, loadConfig, type Credentials, type NavSyncConfig } from './config';
import { crmFromConfig, dataverseUserScope, entraTokenUrl } from './connect';
import { signInInBrowser } from './oauth/browserLogin';
import { deviceCodeUrlOf, signInWithDeviceCode, type SignedIn } from './oauth/deviceCode';
import { openBrowser } from './oauth/openBrowser';
import { writeCredentialsFile } from './credentialsFile';

type Crm = 'salesforce' | 'dataverse';

interface ConnectArgs {
  crm: Crm;
  config: string;
  values: Record<string, string>;
  secrets: 'file' | 'env';
  credentialsFile?: string;
  /** --allow-loopback: plain http to 127.0.0.1 (the test doubles); written into the config. */
  allowLoopback?: boolean;
  /** Dataverse: sign in as the integration user by device code instead of an app secret. */
  deviceCode?: boolean;
  /** Salesforce: sign in as the integration user in the browser instead of the client credentials flow. */
  browser?: boolean;
  /** The loopback callback's port (the connected app's callback URL); 1717 as sf uses. */
  callbackPort: number;
  /** Print the sign-in URL without opening a browser (a server over ssh; tests). */
  noBrowser?: boolean;
}

const FLAGS: Record<Crm, string[]> = {
  salesforce: ['instance-url', 'login-url', 'client-id', 'namespace'],
  dataverse: ['url', 'tenant-id', 'token-url', 'client-id'],
};

export const CONNECT_USAGE = `usage: navsync connect salesforce [--instance-url url] [--client-id id] [--login-url url] [--namespace ns]
       navsync connect salesforce --browser [--instance-url url] [--client-id id] [--callback-port 1717] [--no-browser]
       navsync connect dataverse  [--url url] [--tenant-id id] [--client-id id] [--token-url url] [--device-code]
       common: [--config file] [--secrets file|env] [--credentials-file file]
The client secret is asked for without echo, or read from ${ENV.sfClientSecret} / ${ENV.dvClientSecret}; never give it as an argument.
--device-code (Dataverse) / --browser (Salesforce): sign in as the integration user in a browser instead; the sign-in's
refresh token goes to the credentials file.`;

const GUIDE: Record<Crm, string[]> = {
  salesforce: [
    'Connect NavSync to Salesforce (OAuth 2.0 client credentials of a connected app; see the README "Run it for your org"):',
    '  1. Setup → App Manager → New Connected App: enable OAuth, scopes "api" and "refresh_token, offline_access",',
    '     tick "Enable Client Credentials Flow"; Manage → Edit Policies → Client Credentials Flow → Run As: the integration user.',
    '  2. Give the integration user the NavSync Admin permission set (and API Enabled: Professional Edition needs API access).',
    '  3. Manage Consumer Details gives the consumer key (client id) and secret.',
  ],
  dataverse: [
    'Connect NavSync to Dataverse (a Microsoft Entra app registration with an application user; see the README "Run it for your org"):',
    '  1. Entra admin center → App registrations → New registration; Certificates & secrets → New client secret.',
    '  2. Power Platform admin center → Environments → the environment → Settings → Users + permissions → Application users',
    '     → New app user: the app registration, the business unit, a security role that reads and writes accounts, contacts,',
    '     leads, opportunities, activities and the navsync_ tables (README). Dynamics 365 on-premises is not supported.',
    "  3. The app registration's Overview gives the application (client) id and the directory (tenant) id.",
  ],
};

const DEVICE_CODE_GUIDE = [
  'Connect NavSync to Dataverse by signing in as the integration user (device code; see the README "Run it for your org"):',
  '  1. Entra admin center → App registrations → New registration (single tenant); Authentication → Advanced settings →',
  '     Allow public client flows: Yes; API permissions → Add → Dynamics CRM → Delegated → user_impersonation.',
  '  2. The integration user is a licensed Dynamics 365 user with a security role that reads and writes accounts,',
  '     contacts, leads, opportunities, activities and the navsync_ tables (README). Dynamics 365 on-premises is not supported.',
  "  3. The app registration's Overview gives the application (client) id and the directory (tenant) id.",
];

const BROWSER_GUIDE = [
  'Connect NavSync to Salesforce by signing in as the integration user in the browser (see the README "Run it for your org"):',
  '  1. Setup → App Manager → the NavSync connected app: Callback URL http://127.0.0.1:1717/OauthRedirect, scopes "api" and',
  '     "refresh_token, offline_access", tick "Require Proof Key for Code Exchange (PKCE)", untick "Require Secret for Web Server Flow".',
  '  2. The integration user has the NavSync Admin and NavSync Integration permission sets (and API Enabled).',
  '  3. Manage Consumer Details gives the consumer key (client id). Sign in as the integration user when the browser opens.',
];

export function parseConnectArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ConnectArgs {
  const crm = argv[0];
  if (crm !== 'salesforce' && crm !== 'dataverse')
    throw new ConfigError('connect what? navsync connect salesforce|dataverse');
  const a: ConnectArgs = {
    crm,
    config: env[ENV.config] ?? 'navsync.config.json',
    values: {},
    secrets: 'file',
    callbackPort: 1717,
  };
  const secretLike = argv
    .slice(1)
    .find((x) => /^--[^=]*secret/i.test(x) && x !== '--secrets' && !x.startsWith('--secrets='));
  if (secretLike)
    throw new ConfigError(
      `never give a secret as an argument (it shows in the process list and the shell history): set ${crm === 'salesforce' ? ENV.sfClientSecret : ENV.dvClientSecret} or type it when asked`,
    );
  const own: OptionKinds =
    crm === 'dataverse'
      ? { 'device-code': 'switch' }
      : { browser: 'switch', 'no-browser': 'switch', 'callback-port': 'value' };
  const { values } = readCommandLine(
    argv.slice(1),
    {
      config: 'value',
      'credentials-file': 'value',
      'allow-loopback': 'switch',
      secrets: 'value',
      ...own,
      ...Object.fromEntries(FLAGS[crm].map((f) => [f, 'value' as const])),
    },
    { unknown: (x) => `unknown argument for connect ${crm}: ${x}` },
  );
  const text = (name: string) => values[name] as string | undefined;
  if (text('config') !== undefined) a.config = text('config') as string;
  a.credentialsFile = text('credentials-file');
  a.allowLoopback = values['allow-loopback'] === true || undefined;
  a.deviceCode = values['device-code'] === true || undefined;
  a.browser = values.browser === true || undefined;
  a.noBrowser = values['no-browser'] === true || undefined;
  const port = text('callback-port');
  if (port !== undefined) {
    a.callbackPort = Number(port);
    if (port.trim() === '' || !Number.isInteger(a.callbackPort) || a.callbackPort < 0 || a.callbackPort > 65535)
      throw new ConfigError('--callback-port is a port number');
  }
  const secrets = text('secrets');
  if (secrets !== undefined) {
    if (secrets !== 'file' && secrets !== 'env') throw new ConfigError('--secrets is "file" or "env"');
    a.secrets = secrets;
  }
  for (const f of FLAGS[crm]) if (text(f) !== undefined) a.values[f] = text(f) as string;
  if ((a.deviceCode || a.browser) && a.secrets === 'env')
    throw new ConfigError(
      `${a.browser ? '--browser' : '--device-code'} keeps the sign-in (a refresh token) in the credentials file; --secrets env is for client secrets`,
    );
  return a;
}

/** Questions on a terminal; the secret without echo. Without a terminal every answer must come from flags or the environment. */
class Asker {
  private muted = false;
  private readonly rl;
  constructor(private readonly interactive: boolean) {
    const output = new Writable({
      write: (chunk, _enc, done) => {
        if (!this.muted) process.stderr.write(chunk);
        done();
      },
    });
    this.rl = interactive ? createInterface({ input: process.stdin, output, terminal: true }) : null;
  }

  async ask(question: string, missing: string, secret = false): Promise<string> {
    if (!this.rl) throw new ConfigError(`${missing} is missing (no terminal to ask on)`);
    process.stderr.write(question);
    this.muted = secret;
    try {
      return (await this.rl.question('')).trim();
    } finally {
      if (secret) process.stderr.write('\n');
      this.muted = false;
    }
  }

  close(): void {
    this.rl?.close();
  }
}

/** Dataverse online hosts (commercial, US government, China); anything else is an on-premises server. */
const DATAVERSE_ONLINE = /\.(dynamics\.com|dynamics\.us|appsplatform\.us|dynamics\.cn)$/i;

const httpsOrLoopback = (v: string) =>
  /^https:\/\//i.test(v) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(v);

function readExisting(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new ConfigError(`config file ${file} is not valid JSON: fix or move it first`);
  }
}

export async function connectMain(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${CONNECT_USAGE}\n`);
    return 0;
  }
  let a: ConnectArgs;
  try {
    a = parseConnectArgs(argv, env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${CONNECT_USAGE}\n`);
    return 2;
  }
  const say = (line: string) => process.stdout.write(`${redact(line)}\n`);
  for (const line of a.deviceCode ? DEVICE_CODE_GUIDE : a.browser ? BROWSER_GUIDE : GUIDE[a.crm]) say(line);
  const asker = new Asker(!!process.stdin.isTTY);
  const locale = resolveLocale(env.NAVSYNC_LOCALE ?? '');
  try {
    const v = a.values;
    const need = async (flag: string, question: string) => (v[flag] ??= await asker.ask(question, `--${flag}`));
    const secretVar = a.crm === 'salesforce' ? ENV.sfClientSecret : ENV.dvClientSecret;
    const idVar = a.crm === 'salesforce' ? ENV.sfClientId : ENV.dvClientId;
    let section: Record<string, string>;
    if (a.crm === 'salesforce') {
      await need('instance-url', 'My Domain URL (https://<domain>.my.salesforce.com): ');
      section = { instanceUrl: v['instance-url'].replace(/\/+$/, '') };
      if (v['login-url']) section.loginUrl = v['login-url'];
      if (v.namespace) section.namespace = v.namespace;
    } else {
      await need('url', 'Environment URL (https://<org>.crm<n>.dynamics.com): ');
      if (!v['token-url']) await need('tenant-id', 'Directory (tenant) id: ');
      section = { url: v.url.replace(/\/+$/, '') };
      if (v['tenant-id']) section.tenantId = v['tenant-id'];
      if (v['token-url']) section.tokenUrl = v['token-url'];
    }
    const bad = Object.entries(section).find(([k, x]) => /url$/i.test(k) && !httpsOrLoopback(x));
    if (bad) throw new ConfigError(`${bad[0]} must be an https:// address: ${bad[1]}`);
    if (
      a.crm === 'dataverse' &&
      /^https:/i.test(section.url) &&
      !DATAVERSE_ONLINE.test(new URL(section.url).hostname)
    ) {
      throw new ConfigError(
        `${section.url} is not a Dataverse online environment (*.dynamics.com): Dynamics 365 on-premises is not supported`,
      );
    }
    v['client-id'] ??=
      env[idVar] ?? (await asker.ask('Client id (consumer key / application id): ', `--client-id or ${idVar}`));
    const fail = (kind: ErrorKind, detail?: string, objects = '') => {
      const e = describeError(kind, locale, detail, { objects });
      say(`✗ ${e.code} ${e.message}`);
      say(`  ${e.remedy}`);
      if (e.detail) say(`  (${e.detail})`);
      say('Nothing was written. Fix the above and run navsync connect again.');
      return 1;
    };

    let creds: Credentials;
    let credVars: Record<string, string>;
    if (a.deviceCode) {
      let signedIn: SignedIn;
      try {
        signedIn = await signInWithDeviceCode({
          deviceCodeUrl: deviceCodeUrlOf(entraTokenUrl(section as { url: string })),
          tokenUrl: entraTokenUrl(section as { url: string }),
          clientId: v['client-id'],
          scope: dataverseUserScope(section.url),
          outbound: { allowLoopback: a.allowLoopback === true },
          show: (p) => {
            say(`To sign in, open ${p.verificationUri} in a browser on any device and enter the code ${p.userCode}`);
            say(
              `  (valid for ${Math.round(p.expiresIn / 60)} minutes). Sign in as the integration user and accept. Waiting …`,
            );
          },
        });
      } catch (e) {
        if (e instanceof CatalogueError) return fail(e.kind, e.detail);
        throw e;
      }
      say('✓ Signed in.');
      creds = { dvAccessToken: signedIn.accessToken };
      credVars = { [idVar]: v['client-id'], [ENV.dvRefreshToken]: signedIn.refreshToken };
    } else if (a.browser) {
      // A connected app that still requires its secret for the web server flow: taken from the environment only.
      const secret = env[secretVar];
      registerSecret(secret);
      let signedIn: { accessToken: string; refreshToken: string; instanceUrl: string };
      try {
        signedIn = await signInInBrowser({
          loginUrl: section.loginUrl ?? section.instanceUrl,
          clientId: v['client-id'],
          clientSecret: secret,
          port: a.callbackPort,
          outbound: { allowLoopback: a.allowLoopback === true },
          show: (url) => {
            say('Sign in as the integration user and allow access in the browser; if none opens, open this URL:');
            // Printed as it is: it holds no secret (client id, callback, S256 challenge, state), and a masked part
            // (a client id once registered as a secret in this process) would break the link.
            process.stdout.write(`  ${url}\n`);
            if (!a.noBrowser && env.BROWSER !== 'none') openBrowser(url);
          },
        });
      } catch (e) {
        if (e instanceof CatalogueError) return fail(e.kind, e.detail);
        throw e;
      }
      say('✓ Signed in.');
      creds = { sfAccessToken: signedIn.accessToken };
      credVars = {
        [idVar]: v['client-id'],
        [ENV.sfRefreshToken]: signedIn.refreshToken,
        ...(secret ? { [secretVar]: secret } : {}),
      };
    } else {
      const secret = env[secretVar] || (await asker.ask('Client secret (not shown): ', secretVar, true));
      if (!secret) throw new ConfigError(`${secretVar} is missing`);
      registerSecret(secret);
      creds =
        a.crm === 'salesforce'
          ? { sfClientId: v['client-id'], sfClientSecret: secret }
          : { dvClientId: v['client-id'], dvClientSecret: secret };
      credVars = { [idVar]: v['client-id'], [secretVar]: secret };
    }
    const cfg = {
      crm: a.crm,
      [a.crm]: section,
      linkedin: { source: 'file', exportFiles: [] },
      ...(a.allowLoopback ? { allowLoopback: true } : {}),
    } as unknown as NavSyncConfig;
    say(`Checking the connection to ${a.crm === 'salesforce' ? section.instanceUrl : section.url} …`);
    const crm = crmFromConfig(cfg, creds);
    const check = await crm.checkConnection();
    if (!check.ok) {
      const kind = check.error?.kind ?? (check.unreadable.length ? 'OBJECTS_UNREADABLE' : 'CONNECT_FAILED');
      const objects = check.unreadable.join(', ');
      return fail(kind, check.error?.detail ?? (objects || undefined), objects);
    }
    const orgId = await crm.instanceId();
    say(
      `✓ Connected as the integration user ${check.userId ?? '?'} (org ${orgId}); ${check.checked.length} objects readable.`,
    );

    // The config: this connection's section; LinkedIn and everything else the file already had stay.
    const file = resolve(a.config);
    const existing = readExisting(file);
    const next: Record<string, unknown> = {
      ...existing,
      crm: a.crm,
      [a.crm]: { ...((existing[a.crm] as object) ?? {}), ...section },
      ...(a.allowLoopback ? { allowLoopback: true } : {}),
    };
    next.linkedin ??= { source: 'api', crmInstanceValue: orgId };
    if (a.secrets === 'file') {
      const credFile = resolve(
        a.credentialsFile ?? join(dirname(file), `${basename(file).replace(/\.json$/i, '')}.credentials.json`),
      );
      writeCredentialsFile(credFile, credVars);
      next.credentialsFile = relative(dirname(file), credFile) || credFile;
      say(`Credentials: ${credFile} (mode 0600, readable by this user only)`);
    } else {
      delete next.credentialsFile;
      say(`Credentials: left in the environment; set ${idVar} and ${secretVar} wherever navsync runs.`);
    }
    writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
    loadConfig(file);
    say(`Config: ${file}`);
    say(
      'Next: navsync test-writeback (a test activity of each kind), then navsync serve (the daily sync and the status page).',
    );
    return 0;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${redact(e.message)}\n`);
    return 2;
  } finally {
    asker.close();
  }
}
