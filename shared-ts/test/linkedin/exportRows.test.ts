import { parse as parseCsvSync } from 'csv-parse/sync';
import fc from 'fast-check';
import { parseExport, parseExportBatches, readRecordBatches, resolveColumns } from '../../src/linkedin/exportRows';
import type { ExportItem } from '../../src/linkedin/source';
import { consumeExport, newValidationCounts } from '../../src/sync/steps/validation';

// A CSV export with everything a real file can throw at the reader: a byte-order mark, CRLF line ends, quoted
// fields holding commas, doubled quotes and line breaks (CRLF and LF), a record whose quotes csv-parse refuses,
// a short row, non-ASCII text, and no newline after the last row.
const CSV = [
  '\uFEFFrecordId,recordType,status,memberUrn,currentCompanyName,flaggedAt\r\n',
  '0031,contact,flagged,urn:li:person:a1,"Müller, Schmidt & Co",2026-11-20T08:00:00Z\r\n',
  '0032,contact,flagged,urn:li:person:a2,"Line one\r\nline two",2026-11-20T08:00:00Z\r\n',
  '0033,lead,cleared,,"She said ""hi""",1763625600\r\n',
  '0034,contact,flagged,urn:li:person:a4,Plain Co,\r\n',
  '0035,contact,flagged,urn:li:person:a5,Bad "quoted" Co,2026-11-20T08:00:00Z\r\n',
  '0036,contact,flagged,urn:li:person:a6,Short\r\n',
  '0037,contact,flagged,urn:li:person:a7,"Über ""Quotes"", Inc.\nsecond line, with comma",2026-11-20T08:00:00Z\n',
  '0038,contact,flagged,urn:li:person:a8,Ünïcødé GmbH,2026-11-20T08:00:00Z',
].join('');

const T = Date.parse('2026-11-20T08:00:00Z');
const opts = { source: 'export.csv', mapping: resolveColumns() };

async function* chunked(parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* parts;
}

function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function batches(parts: (string | Uint8Array)[]): Promise<ExportItem[][]> {
  const out: ExportItem[][] = [];
  for await (const b of parseExportBatches(chunked(parts), opts)) out.push(b);
  return out;
}

const summary = (items: ExportItem[]) =>
  items.map((i) =>
    i.ok ? { line: i.line, row: i.row } : { line: i.rejected.line, reason: i.rejected.reason, raw: i.rejected.raw },
  );

test('quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM: rows, values and line numbers', async () => {
  const items = (await batches([CSV])).flat();
  const s = summary(items);
  expect(s.map((x) => x.line)).toEqual([2, 3, 5, 6, 7, 8, 9, 11]);
  expect(s[0]).toEqual({
    line: 2,
    row: {
      recordId: '0031',
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:a1',
      currentCompanyName: 'Müller, Schmidt & Co',
      flaggedAt: T,
    },
  });
  expect(s[1]).toMatchObject({ line: 3, row: { recordId: '0032', currentCompanyName: 'Line one\r\nline two' } });
  expect(s[2]).toEqual({
    line: 5,
    row: {
      recordId: '0033',
      recordType: 'lead',
      status: 'AT_COMPANY',
      currentCompanyName: 'She said "hi"',
      flaggedAt: 1763625600000,
    },
  });
  expect(s[3]).toEqual({
    line: 6,
    row: {
      recordId: '0034',
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:a4',
      currentCompanyName: 'Plain Co',
    },
  });
  // The bad record is rejected on its own (with csv-parse's reason), the records around it are kept.
  expect(s[4]).toMatchObject({
    line: 7,
    reason: expect.stringMatching(/^unreadable CSV: .*quote/i),
    raw: expect.stringContaining('Bad "quoted" Co'),
  });
  expect(s[5]).toEqual({
    line: 8,
    reason: 'unreadable CSV: 5 fields where the header has 6',
    raw: '0036,contact,flagged,urn:li:person:a6,Short',
  });
  expect(s[6]).toMatchObject({
    line: 9,
    row: { recordId: '0037', currentCompanyName: 'Über "Quotes", Inc.\nsecond line, with comma', flaggedAt: T },
  });
  expect(s[7]).toMatchObject({ line: 11, row: { recordId: '0038', currentCompanyName: 'Ünïcødé GmbH' } });
});

test('the good rows carry exactly the values csv-parse reads from the whole file', async () => {
  const good = parseCsvSync(CSV.replace('Bad "quoted" Co', 'Bad quoted Co'), {
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n'],
  }) as string[][];
  const items = (await batches([CSV])).flat().filter((i) => i.ok);
  const companies = items.map((i) => (i.ok ? i.row.currentCompanyName : null));
  const expected = good
    .slice(1)
    .filter((r) => r.length === 6 && r[0] !== '0035')
    .map((r) => r[4]);
  expect(companies).toEqual(expected);
});

test('every chunking gives the same items: strings cut anywhere, bytes cut inside UTF-8 characters and the BOM', async () => {
  const whole = summary((await batches([CSV])).flat());
  for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(summary((await batches(split(CSV, size))).flat())).toEqual(whole);
  for (let cut = 1; cut < CSV.length; cut++) {
    expect(summary((await batches([CSV.slice(0, cut), CSV.slice(cut)])).flat())).toEqual(whole);
  }
  const bytes = Buffer.from(CSV, 'utf8');
  const oneByte = [...bytes].map((b) => Uint8Array.of(b));
  expect(summary((await batches(oneByte)).flat())).toEqual(whole);
});

test('a quoted header reads like a plain one, whole or cut anywhere (rows after it wait for it)', async () => {
  const quotedHeader = CSV.replace(
    'recordId,recordType,status,memberUrn,currentCompanyName,flaggedAt',
    '"recordId","recordType","status","memberUrn","currentCompanyName","flaggedAt"',
  );
  const whole = summary((await batches([CSV])).flat());
  expect(summary((await batches([quotedHeader])).flat())).toEqual(whole);
  for (const size of [3, 17, 90]) expect(summary((await batches(split(quotedHeader, size))).flat())).toEqual(whole);
});

test('batches are arrays per chunk; the per-row iterator yields the same items in the same order', async () => {
  const parts = split(CSV, 40);
  const got = await batches(parts);
  expect(got.length).toBeGreaterThan(1);
  for (const b of got) expect(b.length).toBeGreaterThan(0);
  const rows: ExportItem[] = [];
  for await (const i of parseExport(chunked(parts), opts)) rows.push(i);
  expect(summary(rows)).toEqual(summary(got.flat()));
});

test('a quote that never closes is reported with its line, and the lines after it are read again', async () => {
  const text = 'recordId,recordType,status\n0031,contact,"flagged\n0032,contact,flagged\n0033,lead,cleared\n';
  const s = summary((await batches([text])).flat());
  expect(s).toEqual([
    {
      line: 2,
      reason: 'unreadable CSV: quote not closed',
      raw: '0031,contact,"flagged\n0032,contact,flagged\n0033,lead,cleared',
    },
    { line: 3, row: { recordId: '0032', recordType: 'contact', status: 'NOT_AT_COMPANY' } },
    { line: 4, row: { recordId: '0033', recordType: 'lead', status: 'AT_COMPANY' } },
  ]);
  const long = `recordId,recordType,status\n0031,contact,"flagged\n${'0032,contact,flagged\n'.repeat(4000)}0099,lead,cleared\n`;
  const items = summary((await batches(split(long, 1000))).flat());
  expect(items[0]).toMatchObject({ line: 2, reason: 'unreadable CSV: quote not closed' });
  expect(items.filter((i) => 'row' in i)).toHaveLength(4001);
  expect(items[items.length - 1]).toMatchObject({ line: 4003, row: { recordId: '0099', recordType: 'lead' } });
});

test('readRecordBatches: JSON lines and JSON arrays give per-chunk arrays too', async () => {
  const jsonl = '{"recordId":"0031","recordType":"contact"}\nnot json\n{"recordId":"0032","recordType":"lead"}';
  const recs = [];
  for await (const b of readRecordBatches(chunked(split(jsonl, 9)))) recs.push(...b);
  expect(recs.map((r) => [r.line, r.error ?? r.obj?.recordId])).toEqual([
    [1, '0031'],
    [2, 'not valid JSON'],
    [3, '0032'],
  ]);
  const arr = '[{"recordId":"0031","x":"a,]}"},{"recordId":"0032"}]';
  const els = [];
  for await (const b of readRecordBatches(chunked(split(arr, 4)))) els.push(...b);
  expect(els.map((r) => r.obj?.recordId)).toEqual(['0031', '0032']);
});

test('consumeExport reads batches and single items alike: rejects and duplicates reported, chunks bounded', async () => {
  const text = `recordId,recordType,status\n${Array.from({ length: 25 }, (_, i) => `00${i % 20},contact,flagged`).join('\n')}\nbad id!,contact,flagged\n`;
  const run = async (items: AsyncIterable<ExportItem> | AsyncIterable<ExportItem[]>) => {
    const counts = newValidationCounts();
    const problems: { ref: string; reason: string }[] = [];
    const chunks: number[] = [];
    await consumeExport(
      items,
      counts,
      problems,
      async (rows) => {
        chunks.push(rows.length);
      },
      8,
    );
    return { counts, problems, chunks };
  };
  const fromBatches = await run(parseExportBatches(chunked(split(text, 50)), opts));
  const fromItems = await run(parseExport(chunked(split(text, 50)), opts));
  expect(fromBatches).toEqual(fromItems);
  expect(fromBatches.counts).toMatchObject({ rows: 25, duplicates: 5, rejected: 1 });
  expect(fromBatches.chunks).toEqual([8, 8, 4]);
  expect(fromBatches.problems.map((p) => p.ref)).toContain('export.csv:27');
});

// Cells of every kind a file may hold: good and bad ids, URNs, statuses, dates, and the white space `trim` removes
// (ASCII and Unicode) around them. None holds a comma, a quote or a line break, so a line of them is quote-free.
const pad = fc.constantFrom('', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\v');
const padded = (value: fc.Arbitrary<string>) => fc.tuple(pad, value, pad).map(([a, v, b]) => a + v + b);
const idCell = fc.oneof(
  fc.constantFrom('0031', '00Q1', '003ABC', 'a-b', '-ab', 'ab-', '', '0 1', 'é1'),
  fc.stringMatching(/^[A-Za-z0-9-]{1,70}$/),
);
const CELLS: Record<string, fc.Arbitrary<string>> = {
  recordId: idCell,
  recordType: fc.constantFrom('contact', 'Lead', 'CONTACTS', 'leads', 'person', ''),
  status: fc.constantFrom('flagged', 'NOT_AT_COMPANY', 'no longer at company', 'cleared', 'AT_COMPANY', 'maybe', ''),
  memberUrn: fc.constantFrom(
    'urn:li:person:a1',
    'urn:li:member:9_-x',
    'urn:li:person:',
    'urn:li:person:a b',
    'urn:li:company:1',
    'URN:li:person:1',
    'x',
    '',
  ),
  crmAccountId: idCell,
  currentCompanyName: fc.string({ unit: fc.constantFrom('a', 'ß', 'Ω', '中', ' ', '\u00a0', '&', '-', '1', ';') }),
  currentCompanyUrn: fc.constantFrom(
    'urn:li:company:1',
    'urn:li:organization:22',
    'urn:li:person:1',
    'urn:li:company:',
    '',
  ),
  flaggedAt: fc.constantFrom(
    '1763625600',
    '1763625600000',
    '176362560000',
    '2026-11-20T08:00:00Z',
    '12345678901234',
    '17636256OO',
    'soon',
    '',
  ),
};
const table = fc
  .shuffledSubarray(Object.keys(CELLS), { minLength: 2 })
  .chain((columns) =>
    fc.tuple(
      fc.constant(columns),
      fc.array(fc.tuple(...columns.map((c) => padded(CELLS[c]))), { minLength: 1, maxLength: 6 }),
    ),
  )
  // Now and then a row with a cell too many or too few (never down to one cell: an empty line is skipped, not read).
  .chain(([columns, rows]) =>
    fc.tuple(
      fc.constant(columns),
      fc.tuple(...rows.map((r) => fc.constantFrom(r, r, r, [...r, 'x'], r.length > 2 ? r.slice(0, -1) : r))),
    ),
  );

test('a quote-free line read in place gives what its quoted copy gives through csv-parse; values are the trimmed cells', async () => {
  await fc.assert(
    fc.asyncProperty(table, fc.integer({ min: 1, max: 40 }), async ([columns, rows], size) => {
      const text = (quote: boolean) =>
        `${columns.join(',')}\n${rows.map((r) => r.map((c) => (quote ? `"${c}"` : c)).join(',')).join('\n')}\n`;
      const read = async (t: string) =>
        (await batches(split(t, size)))
          .flat()
          .map((i) => (i.ok ? { line: i.line, row: i.row } : { line: i.rejected.line, reason: i.rejected.reason }));
      if (!columns.includes('recordId') || !columns.includes('status')) {
        // Without a required column the file is refused whole, quoted or not.
        for (const quote of [false, true])
          await expect(read(text(quote))).rejects.toMatchObject({ kind: 'EXPORT_REFUSED' });
        return;
      }
      const plain = await read(text(false));
      expect(plain).toEqual(await read(text(true)));
      // A row of blank cells is a blank spreadsheet row: skipped, neither read nor rejected.
      const kept = rows.map((r, k) => ({ r, line: k + 2 })).filter(({ r }) => !r.every((c) => c.trim() === ''));
      expect(plain.map((i) => i.line)).toEqual(kept.map((x) => x.line));
      for (const [k, item] of plain.entries()) {
        const cells = kept[k].r;
        if (cells.length !== columns.length)
          expect(item).toMatchObject({
            reason: `unreadable CSV: ${cells.length} fields where the header has ${columns.length}`,
          });
        const row = 'row' in item ? item.row : undefined;
        if (!row) continue;
        const cell = (name: string) => (columns.includes(name) ? cells[columns.indexOf(name)].trim() : '') || undefined;
        expect(row).toMatchObject({ recordId: cell('recordId') });
        expect([row.memberUrn, row.crmAccountId, row.currentCompanyName, row.currentCompanyUrn]).toEqual(
          ['memberUrn', 'crmAccountId', 'currentCompanyName', 'currentCompanyUrn'].map(cell),
        );
      }
    }),
    { numRuns: 300 },
  );
});
