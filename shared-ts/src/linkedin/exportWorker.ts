/**
 * The parsing worker (see parseInWorker.ts): reads the export's chunks as the main thread posts them, parses them
 * with the same parser, and posts each batch of items back in columns (exportHandover.ts). It acknowledges every
 * chunk it takes, so the main thread never has more than a few chunks in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CatalogueError, type ErrorKind } from '../domain/errors';
import { encodeBatch, type EncodedBatch } from './exportHandover';
import { parseExportBatches, type ParseOptions } from './exportRows';

/** Main → worker: a chunk of the export, or its end. */
export type ToWorker = { chunk: Uint8Array | string } | { end: true };
/** Worker → main. */
export type FromWorker =
  { taken: true } | { batch: EncodedBatch } | { done: true } | { error: string; kind?: ErrorKind; detail?: string };

const port = parentPort;
if (port) {
  const waiting: ToWorker[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: ToWorker) => {
    waiting.push(m);
    wake?.();
  });
  const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  async function* chunks(): AsyncGenerator<Uint8Array | string> {
    for (;;) {
      while (!waiting.length) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = waiting.shift() as ToWorker;
      if ('end' in m) return;
      post({ taken: true });
      yield m.chunk;
    }
  }
  (async () => {
    for await (const items of parseExportBatches(chunks(), workerData as ParseOptions)) {
      const batch = encodeBatch(items);
      post({ batch }, [
        batch.ends.buffer,
        batch.types.buffer,
        batch.statuses.buffer,
        batch.times.buffer,
        batch.lines.buffer,
      ] as ArrayBuffer[]);
    }
    post({ done: true });
  })().catch((err: unknown) =>
    // A refused file keeps its catalogue kind across the thread boundary.
    post(
      err instanceof CatalogueError
        ? { error: err.message, kind: err.kind, detail: err.detail }
        : { error: err instanceof Error ? err.message : String(err) },
    ),
  );
}
