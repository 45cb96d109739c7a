/**
 * `navsync serve`: the long-running runtime. It runs each connection's daily cycle on its schedule, receives
 * write-back activities, and serves the status page, run reports, health and "run now" (see http.ts).
 *   navsync serve [--config file] [--listen host:port] [--database file] [--schedule "cron"] [--queue postgres://…]
 * It stops on SIGTERM or SIGINT at a safe point and takes up where it stopped at the next start. With `--queue`
 * (or NAVSYNC_QUEUE_URL) several processes share the connections through a job queue on PostgreSQL (queue.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact, registerSecret } from '../net/redact';
import { readCommandLine } from '../sync/args';
import { ConfigError, ENV } from '../sync/config';
import { clockFromEnv, TEST_CLOCK_ENV, type Clock } from './clock';
import { loadServeSettings, type ServeOverrides, type ServeSettings } from './config';
import { SERVE_TOKEN_ENV, ServeHttp } from './http';
import { PgState } from './pgState';
import { QueueService } from './queue';
import { ServeService, type ServeScheduler } from './service';
import { Store, StoreInUseError } from './store';

export const QUEUE_URL_ENV = 'NAVSYNC_QUEUE_URL';

export const SERVE_USAGE = `usage: navsync serve [--config file] [--listen host:port] [--database file] [--schedule "cron"] [--queue postgres://…]
  runs every connection's cycle on the schedule (default daily at 03:00), serves the status page on
  http://127.0.0.1:8787/ and takes write-back activities at POST /activities (token: ${SERVE_TOKEN_ENV});
  --queue (or ${QUEUE_URL_ENV}) shares the connections among several processes through PostgreSQL`;

type ServeArgs = ServeOverrides & { config?: string; help?: boolean; queue?: string };

function parseServeArgs(argv: readonly string[]): ServeArgs {
  const { values } = readCommandLine(argv, {
    config: 'value',
    listen: 'value',
    database: 'value',
    schedule: 'value',
    queue: 'value',
    help: 'switch',
  });
  const o: ServeArgs = {};
  for (const k of ['config', 'listen', 'database', 'schedule', 'queue'] as const) {
    if (typeof values[k] === 'string') o[k] = values[k] as string;
  }
  if (values.help === true) o.help = true;
  return o;
}

/** The queue's address may carry a password: it is masked wherever it would be printed. */
function registerQueueSecrets(url: string): void {
  registerSecret(url);
  try {
    const u = new URL(url);
    registerSecret(decodeURIComponent(u.password));
  } catch {
    // not a URL: pg reports it when connecting
  }
}

function describeQueue(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

async function open(
  settings: ServeSettings,
  queue: string | undefined,
  clock: Clock,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ServeScheduler> {
  mkdirSync(dirname(settings.database), { recursive: true });
  if (queue) return new QueueService(settings, await PgState.open(queue), clock, env, log, queue, settings.queue);
  return new ServeService(settings, new Store(settings.database), clock, env, log);
}

export async function serveMain(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const clock = clockFromEnv(env);
  const log = (line: string) => process.stdout.write(`${new Date(clock.now()).toISOString()} ${redact(line)}\n`);
  let args: ServeArgs;
  let settings: ServeSettings;
  let service: ServeScheduler;
  const queue = () => args.queue ?? env[QUEUE_URL_ENV];
  try {
    args = parseServeArgs(argv);
    if (args.help) {
      process.stdout.write(`${SERVE_USAGE}\n`);
      return 0;
    }
    const q = queue();
    if (q) registerQueueSecrets(q);
    settings = loadServeSettings(args.config ?? env[ENV.config] ?? 'navsync.config.json', args);
    service = await open(settings, q, clock, env, log);
  } catch (e) {
    if (!(e instanceof ConfigError || e instanceof StoreInUseError)) {
      process.stderr.write(`${redact(String((e as Error)?.message ?? e))}\n`);
      return 1;
    }
    process.stderr.write(`${redact(e.message)}\n${SERVE_USAGE}\n`);
    return 2;
  }
  const token = env[SERVE_TOKEN_ENV];
  registerSecret(token);
  if (clock.testStart) log(`test clock: started at ${clock.testStart} (${TEST_CLOCK_ENV}); never use it in production`);
  const http = new ServeHttp(service, token, env.NAVSYNC_LOCALE);
  const signal = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // Started before the address is announced: the status page then knows every connection from its first answer.
  await service.start();
  let address: string;
  try {
    address = await http.listen(settings.host, settings.port);
  } catch (e) {
    await service.stop();
    await service.store.close();
    process.stderr.write(`cannot listen on ${settings.host}:${settings.port}: ${(e as Error).message}\n`);
    return 2;
  }
  const q = queue();
  log(
    `navsync serve: ${address}/ — ${settings.connections.map((c) => `${c.name} (${c.config.crm})`).join(', ')}; schedule "${settings.schedule}"${settings.timezone ? ` ${settings.timezone}` : ''}${settings.writeBackEvery ? `, write-back "${settings.writeBackEvery}"` : ''}; ${q ? `queue ${describeQueue(q)}` : `database ${settings.database}`}${token ? '' : `; ${SERVE_TOKEN_ENV} not set: run now and activities are off`}`,
  );
  log(`${await signal}: stopping at a safe point`);
  const closing = http.close();
  await service.stop();
  await closing;
  await service.store.close();
  log('stopped');
  return 0;
}
