/**
 * `navsync` — the command line of the sync engine.
 *   navsync sync            the daily cycle (all steps)
 *   navsync validate        connection, settings and data validation only
 *   navsync status          connection check + what the admin page shows
 *   navsync disconnect [--cleanup] [--yes]
 *   navsync test-writeback [--with-email] [--account <id>] [--keep]
 *                           a test contact with one test activity of each enabled kind, then removed
 *   navsync serve           the long-running runtime: the schedule, the status page, write-back (src/serve)
 * Options: --config <file> (or NAVSYNC_CONFIG), --dry-run, --report <file.json>, --json, --quiet, --verbose,
 * --delimiter <,|;|tab> (the export file's separator when sniffing it from the header is not wanted),
 * --wait <minutes> (wait that long for another run on the same connection to finish, instead of refusing).
 * Credentials come from environment variables only (see config.ts); every line printed is redacted, and control
 * characters from data are shown escaped.
 */
import { redact, registerEnvironmentSecrets, registerSecret } from '../net/redact';
import { resolveLocale } from '../domain/i18n/index';
import { readCommandLine } from './args';
import { ConfigError, ENV, loadConfig } from './config';
import { credentialsFor } from './credentialsFile';
import { connect } from './connect';
import { disconnect, readStatus, runCycle, testWriteBack } from './engine';
import { writePrivateFileSync } from './privateFile';
import { summarize, type RunReport } from './report';
import { terminalJson, terminalText, terminalValue } from './terminalText';

interface Args {
  command: string;
  config?: string;
  dryRun: boolean;
  report?: string;
  json: boolean;
  quiet: boolean;
  cleanup: boolean;
  yes: boolean;
  verbose: boolean;
  reconnect: boolean;
  withEmail: boolean;
  account?: string;
  keep: boolean;
  delimiter?: string;
  waitMinutes?: number;
}

const USAGE = `usage: navsync <sync|validate|status|disconnect|test-writeback> [--config file] [--dry-run] [--report file.json] [--json] [--quiet] [--verbose] [--delimiter ,|;|tab] [--wait minutes]
       navsync connect salesforce|dataverse (checks the connection and writes the config; navsync connect --help)
       navsync serve [--config file] [--listen host:port] [--database file] [--schedule "cron"] (navsync serve --help)
       navsync disconnect [--cleanup] [--yes]; navsync sync --reconnect (after a disconnect)
       navsync test-writeback [--with-email] [--account <id>] [--keep]: creates a test contact, writes one test
         activity of each enabled kind completed on it, then removes them (--keep leaves them; --with-email gives
         the contact an e-mail address for orgs whose rule requires one; --account puts it on that account)
Credentials: ${Object.values(ENV).slice(1).join(', ')} (environment only).`;

export function parseArgs(argv: readonly string[]): Args {
  const { values: v, positionals } = readCommandLine(
    argv,
    {
      config: 'value',
      report: 'value',
      'dry-run': 'switch',
      json: 'switch',
      quiet: 'switch',
      cleanup: 'switch',
      yes: 'switch',
      verbose: 'switch',
      reconnect: 'switch',
      'with-email': 'switch',
      account: 'value',
      keep: 'switch',
      delimiter: 'value',
      wait: 'value',
      help: 'switch',
    },
    { positionals: 1 },
  );
  const text = (name: string) => v[name] as string | undefined;
  const on = (name: string) => v[name] === true;
  const a: Args = {
    command: on('help') ? 'help' : (positionals[0] ?? ''),
    config: text('config'),
    report: text('report'),
    dryRun: on('dry-run'),
    json: on('json'),
    quiet: on('quiet'),
    cleanup: on('cleanup'),
    yes: on('yes'),
    verbose: on('verbose'),
    reconnect: on('reconnect'),
    withEmail: on('with-email'),
    account: text('account'),
    keep: on('keep'),
  };
  if (text('delimiter') !== undefined) a.delimiter = delimiterOf(text('delimiter') as string);
  const wait = text('wait');
  if (wait !== undefined) {
    a.waitMinutes = Number(wait);
    if (wait.trim() === '' || !Number.isFinite(a.waitMinutes) || a.waitMinutes < 0)
      throw new ConfigError(`--wait needs a number of minutes, got ${wait}`);
  }
  return a;
}

/** The export file's separator as given on the command line: one character, `tab` for a tab. */
function delimiterOf(v: string): string {
  const d = v === 'tab' || v === '\\t' ? '\t' : v;
  if (d.length !== 1 || /[\s"\w]/.test(d.replace('\t', ',')))
    throw new ConfigError(`--delimiter must be one separator character such as , ; or tab (got ${JSON.stringify(v)})`);
  return d;
}

/** Print a run: the short summary (or the JSON report), and in a dry run every change it would make. */
export function render(report: RunReport, args: Pick<Args, 'json'>): string {
  if (args.json) return terminalJson(redact(JSON.stringify(report, null, 2)));
  const v = terminalValue;
  const lines = [terminalText(summarize(report))];
  for (const s of report.steps) {
    for (const p of s.problems.slice(0, 20)) lines.push(`    ${s.name}: ${v(p.ref)}: ${v(p.reason)}`);
    if (s.problems.length > 20) lines.push(`    ${s.name}: … ${s.problems.length - 20} more in the JSON report`);
    if (s.error?.detail) lines.push(`    ${s.name}: ${v(s.error.detail)}`);
    if (s.error?.remedy) lines.push(`    ${s.name}: ${v(s.error.remedy)}`);
    for (const o of s.outcomes ?? []) lines.push(`    ${s.name}: ${o.record} ${o.outcome}: ${v(o.id)}`);
    if (s.outcomes && s.note && s.error) lines.push(`    ${s.name}: ${v(s.note)}`);
  }
  if (report.dryRun && report.changes.length) {
    lines.push(`Changes this run would make (${report.changes.length}):`);
    for (const c of report.changes) lines.push(`  [${c.step}] ${c.action} ${v(c.target)}: ${v(c.detail)}`);
  }
  return redact(lines.join('\n'));
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // The CLI is where the layers meet: the runtime (layer 5) is loaded only for its own command.
  if (argv[0] === 'serve') return (await import('../serve/index')).serveMain(argv.slice(1), env);
  if (argv[0] === 'connect') return (await import('./connectCommand')).connectMain(argv.slice(1), env);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${terminalText((e as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  if (!args.command || args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return args.command === 'help' ? 0 : 2;
  }
  const commands = ['sync', 'validate', 'status', 'disconnect', 'test-writeback'];
  if (!commands.includes(args.command)) {
    process.stderr.write(`unknown command: ${terminalValue(args.command)}\n${USAGE}\n`);
    return 2;
  }
  const file = args.config ?? env[ENV.config] ?? 'navsync.config.json';
  let conn;
  try {
    // Every secret-like variable this process was given is masked in whatever it prints or writes.
    registerEnvironmentSecrets(env);
    const cfg = loadConfig(file, (line) => process.stderr.write(`${terminalText(redact(line))}\n`));
    if (args.delimiter !== undefined) cfg.linkedin.delimiter = args.delimiter;
    const creds = credentialsFor(cfg, env);
    for (const v of Object.values(creds)) registerSecret(v);
    // --verbose: every HTTP request the clients make (redacted), for support cases.
    conn = connect(
      cfg,
      creds,
      args.verbose ? (line) => process.stderr.write(`${terminalValue(redact(line))}\n`) : undefined,
    );
  } catch (e) {
    process.stderr.write(`${terminalText(redact((e as Error).message))}\n`);
    return 2;
  }
  const progress = args.quiet ? undefined : (line: string) => process.stderr.write(`${terminalValue(redact(line))}\n`);
  const opts = {
    ...conn.options,
    dryRun: args.dryRun,
    progress,
    locale: resolveLocale(conn.locale ?? ''),
    reconnect: args.reconnect,
    ...(args.waitMinutes !== undefined ? { lease: { waitMs: args.waitMinutes * 60_000 } } : {}),
  };
  let report: RunReport;
  switch (args.command) {
    case 'sync':
      report = await runCycle(opts);
      break;
    case 'validate':
      report = await runCycle(opts, ['validation']);
      break;
    case 'status':
      report = await readStatus(opts);
      break;
    case 'disconnect':
      report = await disconnect(opts, { cleanup: args.cleanup, confirmed: args.yes });
      if (args.cleanup && !args.yes)
        process.stderr.write('Clean-up counted only. Run again with --yes to remove these.\n');
      break;
    default:
      report = await testWriteBack(opts, {
        withEmail: args.withEmail,
        accountId: args.account ?? null,
        keep: args.keep,
      });
  }
  if (args.report) writePrivateFileSync(args.report, redact(JSON.stringify(report, null, 2)));
  process.stdout.write(`${render(report, args)}\n`);
  return report.ok ? 0 : 1;
}

/**
 * Exits once stdout and stderr have taken everything written: piped, a large `--json` report is still in the
 * stream's queue when `main` returns, and exiting then would cut it off.
 */
export function exitWhenFlushed(
  code: number,
  streams: NodeJS.WritableStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = process.exit,
): void {
  process.exitCode = code;
  let pending = streams.length;
  for (const s of streams) s.write('', () => --pending === 0 && exit(code));
}

/** Entry point for the `navsync` bin (bin/navsync.cjs) and for `node dist/sync/cli.js`. */
export function runCli(): void {
  main(process.argv.slice(2)).then(exitWhenFlushed, (err) => {
    process.stderr.write(`${terminalText(redact(String((err as Error)?.stack ?? err)))}\n`);
    exitWhenFlushed(1);
  });
}

if (require.main === module) runCli();
