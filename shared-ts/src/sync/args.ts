/**
 * The command line of every navsync command (run, connect, serve), read by Node's own `util.parseArgs`: `--name value`
 * and `--name=value` alike, no option taken for another's value. Its errors become ConfigErrors in the words the
 * commands print.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from './config';

/** Each option: a switch, or one that takes a value. `help` is also `-h`. */
export type OptionKinds = Record<string, 'switch' | 'value'>;

export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** `unknown` words the refusal of an option this command does not know (default "unknown argument: --x"). */
export function readCommandLine(
  argv: readonly string[],
  options: OptionKinds,
  opts: { positionals?: number; unknown?: (arg: string) => string } = {},
): CommandLine {
  const unknown = opts.unknown ?? ((arg: string) => `unknown argument: ${arg}`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: Object.fromEntries(
        Object.entries(options).map(([name, kind]) => [
          name,
          { type: kind === 'value' ? 'string' : 'boolean', ...(name === 'help' ? { short: 'h' } : {}) },
        ]),
      ) as never,
    });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const option = /'(-{1,2}[^' =]+)/.exec(e.message ?? '')?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ConfigError(`${option} needs a value`);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ConfigError(unknown(option));
    throw new ConfigError(String(e.message ?? err));
  }
  const positionals = parsed.positionals;
  const allowed = opts.positionals ?? 0;
  if (positionals.length > allowed) throw new ConfigError(unknown(positionals[allowed]));
  return { values: parsed.values as CommandLine['values'], positionals };
}
