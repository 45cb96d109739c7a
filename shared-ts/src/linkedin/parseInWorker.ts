/**
 * Parses an export on a second thread while the caller decides the rows already parsed: on a million-row export
 * parsing is about half of the validation step's processor time, and the main thread only rebuilds each batch
 * from columns (exportHandover.ts). Same items, same order, same rejections as `parseExportBatches`, which is
 * used directly when the compiled worker is not there (running from TypeScript sources, as the unit tests do).
 * Bounded: at most IN_FLIGHT chunks sent and not taken, and at most AHEAD batches parsed and not yet consumed.
 * An error of the chunk stream (a download cut off) is thrown to the caller as it is, as the in-thread parser does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CatalogueError } from '../domain/errors';
import { decodeBatch } from './exportHandover';
import { parseExportBatches, type ParseOptions } from './exportRows';
import type { FromWorker, ToWorker } from './exportWorker';
import type { ExportItem } from './source';

const IN_FLIGHT = 4;
const AHEAD = 4;

/** The compiled worker beside this module (dist); null from TypeScript sources. */
export function defaultWorkerFile(): string | null {
  const file = join(__dirname, 'exportWorker.js');
  return existsSync(file) ? file : null;
}

/** `workerFile` null: parse on this thread. */
export async function* parseExportInWorker(
  chunks: AsyncIterable<Uint8Array | string>,
  opts: ParseOptions,
  workerFile: string | null = defaultWorkerFile(),
): AsyncGenerator<ExportItem[]> {
  if (!workerFile) {
    yield* parseExportBatches(chunks, opts);
    return;
  }
  const worker = new Worker(workerFile, {
    workerData: {
      source: opts.source,
      mapping: opts.mapping,
      skipItems: opts.skipItems,
      delimiter: opts.delimiter,
      encoding: opts.encoding,
    } satisfies ParseOptions,
  });
  const ready: ExportItem[][] = [];
  let sent = 0;
  let taken = 0;
  let finished = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  // One waiter at a time on each side: the pump (room to send) and the consumer (a batch or the end).
  let wakePump: (() => void) | null = null;
  let wakeConsumer: (() => void) | null = null;
  const poke = () => {
    wakePump?.();
    wakeConsumer?.();
  };
  worker.on('message', (m: FromWorker) => {
    if ('taken' in m) taken++;
    else if ('batch' in m) ready.push(decodeBatch(m.batch));
    else if ('done' in m) finished = true;
    else failure ??= { error: m.kind ? new CatalogueError(m.kind, m.detail) : new Error(`export parser: ${m.error}`) };
    poke();
  });
  worker.on('error', (err) => {
    failure ??= { error: err };
    poke();
  });
  worker.on('exit', () => {
    if (!finished) failure ??= { error: new Error('export parser stopped') };
    poke();
  });
  const room = () => stopped || failure !== null || (sent - taken < IN_FLIGHT && ready.length < AHEAD);
  // The pump: sends the source's chunks while there is room (its errors end the parse, see `failure`).
  void (async () => {
    try {
      for await (const chunk of chunks) {
        while (!room()) await new Promise<void>((r) => (wakePump = r));
        wakePump = null;
        if (stopped || failure) return;
        worker.postMessage({ chunk } satisfies ToWorker);
        sent++;
      }
      worker.postMessage({ end: true } satisfies ToWorker);
    } catch (error) {
      failure ??= { error };
      poke();
    }
  })();
  try {
    for (;;) {
      while (!ready.length && !finished && !failure) await new Promise<void>((r) => (wakeConsumer = r));
      wakeConsumer = null;
      const failed = failure as { error: unknown } | null;
      if (failed) throw failed.error;
      const batch = ready.shift();
      if (batch) {
        poke();
        yield batch;
      } else if (finished) return;
    }
  } finally {
    // The pump may be waiting for the source's next chunk: it stops when that comes (or the source ends).
    stopped = true;
    poke();
    await worker.terminate();
  }
}
