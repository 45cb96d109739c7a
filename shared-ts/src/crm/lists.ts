import type { Pages } from './gateway';

/** Splits a list into parts of at most `size` (id filters, Collections calls, change sets). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function* noPages<T>(): AsyncGenerator<T[]> {
  // nothing to read
}

/** The pages of a query that selects nothing. */
export function empty<T>(): Pages<T> {
  return noPages<T>();
}
