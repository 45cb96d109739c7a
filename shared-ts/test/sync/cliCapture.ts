import { main } from '../../src/sync/cli';

/** Runs `navsync` in this process with stdout and stderr captured. */
export async function captureCli(
  args: string[],
  vars: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(args, vars);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
