import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parseExportBatches, resolveColumns } from '../../src/linkedin/exportRows';
import { parseExportInWorker } from '../../src/linkedin/parseInWorker';
import type { ExportItem } from '../../src/linkedin/source';

// The worker as the build ships it, compiled from these sources (the unit tests run TypeScript, not dist).
let dir = '';
let workerFile = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-worker-'));
  workerFile = join(dir, 'exportWorker.js');
  buildSync({
    entryPoints: [join(__dirname, '../../src/linkedin/exportWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerFile,
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const opts = { source: 'export.csv', mapping: resolveColumns() };

/** An export with every kind of row: plain, quoted (commas, quotes, line breaks), rejected, Unicode, no final newline. */
function exportText(rows: number): string {
  const lines = [
    '\uFEFFrecordId,recordType,status,memberUrn,crmAccountId,currentCompanyName,currentCompanyUrn,flaggedAt',
  ];
  for (let i = 1; i <= rows; i++) {
    const id = `003${String(i).padStart(15, '0')}`;
    const company = i % 7 === 0 ? `"Müller, ""Söhne""\r\nWerk ${i}"` : i % 5 === 0 ? '' : ` Nordstern ${i % 13} GmbH `;
    const member = i % 3 === 0 ? '' : `urn:li:person:m${i}`;
    const status = i % 11 === 0 ? 'maybe' : i % 4 === 0 ? 'AT_COMPANY' : 'NOT_AT_COMPANY';
    const type = i % 9 === 0 ? 'lead' : 'contact';
    const time = i % 6 === 0 ? '' : i % 2 ? String(1763625600 + i) : '2026-11-20T08:00:00Z';
    lines.push(
      i % 17 === 0
        ? `${id},contact,short`
        : `${id},${type},${status},${member},001${i % 50},${company},${i % 8 === 0 ? 'urn:li:company:7' : ''},${time}`,
    );
  }
  return `${lines.join('\r\n')}`;
}

async function collect(batches: AsyncIterable<ExportItem[]>): Promise<ExportItem[]> {
  const out: ExportItem[] = [];
  for await (const b of batches) out.push(...b);
  return out;
}

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

test('parsed on a second thread: the same items, in the same order, as the in-thread parser (rows, rejects, lines)', async () => {
  const text = exportText(15_000);
  const expected = await collect(parseExportBatches(pieces(text, 65_536), opts));
  expect(expected.filter((i) => !i.ok).length).toBeGreaterThan(500);
  for (const size of [65_536, 777]) {
    expect(await collect(parseExportInWorker(pieces(text, size), opts, workerFile))).toEqual(expected);
  }
  // A resumed download skips the items it already gave.
  const resumed = await collect(parseExportInWorker(pieces(text, 4096), { ...opts, skipItems: 6_789 }, workerFile));
  expect(resumed).toEqual(expected.slice(6_789));
});

test('an error of the download is thrown to the caller as it is; stopping early ends the worker', async () => {
  const cut = new TypeError('terminated');
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield* pieces(exportText(5000), 4096);
    throw cut;
  }
  const got: ExportItem[] = [];
  await expect(
    (async () => {
      for await (const b of parseExportInWorker(failing(), opts, workerFile)) got.push(...b);
    })(),
  ).rejects.toBe(cut);
  let batches = 0;
  for await (const b of parseExportInWorker(pieces(exportText(50_000), 4096), opts, workerFile)) {
    expect(b.length).toBeGreaterThan(0);
    if (++batches === 3) break;
  }
  expect(batches).toBe(3);
});

test('a slow caller holds the download back: only a few chunks are read ahead of what it has taken', async () => {
  const text = exportText(20_000);
  let read = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const p of pieces(text, 16_384)) {
      read++;
      yield p;
    }
  }
  let taken = 0;
  for await (const batch of parseExportInWorker(counted(), opts, workerFile)) {
    expect(batch.length).toBeGreaterThan(0);
    if (++taken === 2) {
      await new Promise((r) => setTimeout(r, 300));
      // Taken 2; at most 4 sent and not yet parsed, 4 parsed and not yet taken, one more waiting to be sent.
      expect(read).toBeLessThanOrEqual(2 + 4 + 4 + 1);
      expect(read).toBeLessThan(Math.ceil(Buffer.byteLength(text) / 16_384));
      break;
    }
  }
});

test('without a compiled worker (TypeScript sources) it parses on the calling thread', async () => {
  const text = exportText(2000);
  expect(await collect(parseExportInWorker(pieces(text, 1000), opts, null))).toEqual(
    await collect(parseExportBatches(pieces(text, 1000), opts)),
  );
});

test('a refused file keeps its catalogue error across the thread (not a plain error), as do the separator and encoding options', async () => {
  const refused = collect(parseExportInWorker(pieces('Id,Name\n0035e00000Ab001AAA,Ann\n', 64), opts, workerFile));
  await expect(refused).rejects.toMatchObject({
    kind: 'EXPORT_REFUSED',
    detail: expect.stringMatching(/required column missing: status/),
  });
  const latin1 = async function* () {
    yield Buffer.from('recordId;status;currentCompanyName\n0035e00000Ab001AAA;flagged;Müller\n', 'latin1');
  };
  await expect(collect(parseExportInWorker(latin1(), opts, workerFile))).rejects.toMatchObject({
    kind: 'EXPORT_REFUSED',
  });
  const items = await collect(
    parseExportInWorker(latin1(), { ...opts, delimiter: ';', encoding: 'windows-1252' }, workerFile),
  );
  expect(items.map((i) => i.ok && i.row.currentCompanyName)).toEqual(['Müller']);
});
