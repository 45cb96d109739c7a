/** Combining per-record write results (a Bulk job's can be far larger than the call stack takes). */
import type { WriteResult } from '../gateway';

export function merge(a: WriteResult, b: WriteResult, inPlace = false): WriteResult {
  const out = inPlace
    ? a
    : {
        succeeded: [...a.succeeded],
        failed: [...a.failed],
        unprocessed: [...a.unprocessed],
        created: [...(a.created ?? [])],
      };
  append(out.succeeded, b.succeeded);
  append(out.failed, b.failed);
  append(out.unprocessed, b.unprocessed);
  if (b.created) append((out.created ??= []), b.created);
  return out;
}

/** `into.push(...items)` without spreading: a Bulk job's results can be far more than the call stack takes. */
function append<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}
