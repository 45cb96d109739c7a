/**
 * `navsync serve`: the long-running runtime. It runs each connection's daily cycle on its schedule, receives
 * write-back activities, and serves the status page, run reports, health and "run now" (see http.ts).
 *   navsync serve [--config file] [--listen host:port] [--database file] [--schedule "cron"]
 * It stops on SIGTERM or SIGINT at a safe point (service.ts) and takes up where it stopped at the next start.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact, registerSecret } from '../net/redact';
import { ConfigError, ENV } from '../sync/config';
import { clockFromEnv } from './clock';
import { loadServeSettings, type ServeOverrides } from './config';
import { SERVE_TOKEN_ENV, ServeHttp } from './http';
import { ServeService } from './service';
import { Store, StoreInUseError } from './store';

export const SERVE_USAGE = `usage: navsync serve [--config file] [--listen host:port] [--database file] [--schedule "cron"]
  runs every connection's cycle on the schedule (default daily at 03:00), serves the status page on
  http://127.0.0.1:8787/ and takes write-back activities at POST /activities (token: ${SERVE_TOKEN_ENV})`;

function parseServeArgs(argv: readonly string[]): ServeOverrides & { config?: string; help?: boolean } {
  const o: ServeOverrides & { config?: string; help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ConfigError(`${x} needs a value`);
      return v;
    };
    if (x === '--config') o.config = value();
    else if (x === '--listen') o.listen = value();
    else if (x === '--database') o.database = value();
    else if (x === '--schedule') o.schedule = value();
    else if (x === '--help' || x === '-h') o.help = true;
    else throw new ConfigError(`unknown argument: ${x}`);
  }
  return o;
}

export async function serveMain(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const clock = clockFromEnv(env);
  const log = (line: string) => process.stdout.write(`${new Date(clock.now()).toISOString()} ${redact(line)}\n`);
  let args;
  let settings;
  let store: Store;
  try {
    args = parseServeArgs(argv);
    if (args.help) {
      process.stdout.write(`${SERVE_USAGE}\n`);
      return 0;
    }
    settings = loadServeSettings(args.config ?? env[ENV.config] ?? 'navsync.config.json', args);
    mkdirSync(dirname(settings.database), { recursive: true });
    store = new Store(settings.database);
  } catch (e) {
    if (!(e instanceof ConfigError || e instanceof StoreInUseError)) throw e;
    process.stderr.write(`${redact(e.message)}\n${SERVE_USAGE}\n`);
    return 2;
  }
  const token = env[SERVE_TOKEN_ENV];
  registerSecret(token);
  if (clock.testStart)
    log(`test clock: started at ${clock.testStart} (${'NAVSYNC_TEST_CLOCK'}); never use it in production`);
  const service = new ServeService(settings, store, clock, env, log);
  const http = new ServeHttp(service, token, env.NAVSYNC_LOCALE);
  let address: string;
  try {
    address = await http.listen(settings.host, settings.port);
  } catch (e) {
    store.close();
    process.stderr.write(`cannot listen on ${settings.host}:${settings.port}: ${(e as Error).message}\n`);
    return 2;
  }
  log(
    `navsync serve: ${address}/ — ${settings.connections.map((c) => `${c.name} (${c.config.crm})`).join(', ')}; schedule "${settings.schedule}"${settings.timezone ? ` ${settings.timezone}` : ''}${settings.writeBackEvery ? `, write-back "${settings.writeBackEvery}"` : ''}; database ${settings.database}${token ? '' : `; ${SERVE_TOKEN_ENV} not set: run now and activities are off`}`,
  );
  service.start();
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log(`${signal}: stopping at a safe point`);
  const closing = http.close();
  await service.stop();
  await closing;
  store.close();
  log('stopped');
  return 0;
}
