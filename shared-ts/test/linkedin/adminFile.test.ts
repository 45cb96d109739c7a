// The admin's file: what is not an export is refused whole (before any change), and one bad row loses no good one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueError } from '../../src/domain/errors';
import { parseExportBatches, resolveColumns } from '../../src/linkedin/exportRows';
import { FileSource } from '../../src/linkedin/fileSource';
import type { ExportItem } from '../../src/linkedin/source';

/** The reader's cap on one line or record (exportCsv MAX_RECORD). */
const MAX_RECORD = 64 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'navsync-adminfile-'));
let n = 0;
function file(content: string | Buffer, name = `f${++n}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function read(paths: string[], extra: { delimiter?: string; encoding?: string } = {}): Promise<ExportItem[]> {
  const exp = await new FileSource({ exportFiles: paths, ...extra }).exportValidation({ since: 0 });
  const out: ExportItem[] = [];
  for await (const i of exp.items()) out.push(i);
  return out;
}

const refused = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CatalogueError);
  expect((err as CatalogueError).kind).toBe('EXPORT_REFUSED');
  return (err as CatalogueError).detail as string;
};

const rows = (items: ExportItem[]) => items.flatMap((i) => (i.ok ? [[i.line, i.row.recordId, i.row.status]] : []));
const rejects = (items: ExportItem[]) => items.flatMap((i) => (i.ok ? [] : [[i.rejected.line, i.rejected.reason]]));

describe('required columns', () => {
  test('a file with a record id and no status is refused whole, naming what is missing and what it found; no row is read', async () => {
    const good = file('recordId,status\n0035e00000Ab001AAA,NOT_AT_COMPANY\n');
    const bad = file('Id,Name,Company\n0035e00000Ab002AAA,Ann,Acme\n0035e00000Ab003AAA,Bob,Beta\n');
    const detail = await refused(read([good, bad]));
    expect(detail).toMatch(/required column missing: status/);
    expect(detail).toContain('columns found: "Id", "Name", "Company"');
    expect(detail).toContain(bad.split('/').pop());
  });

  test('a file without a record id column is refused; a JSON row without a status is rejected, never read as flagged', async () => {
    expect(await refused(read([file('Name,Flag\nAnn,flagged\n')]))).toMatch(/required column missing: recordId/);
    const items = await read([
      file(
        '{"recordId":"0035e00000Ab001AAA","recordType":"contact"}\n{"recordId":"0035e00000Ab002AAA","status":""}\n',
        'x.jsonl',
      ),
    ]);
    expect(rows(items)).toEqual([]);
    expect(rejects(items)).toEqual([
      [1, 'no status'],
      [2, 'empty status'],
    ]);
  });
});

describe('encoding', () => {
  const csv = 'recordId,status,currentCompanyName\n0035e00000Ab001AAA,NOT_AT_COMPANY,Müller GmbH\n';

  test('UTF-8 with and without a byte-order mark is read', async () => {
    for (const content of [csv, `\uFEFF${csv}`]) {
      const items = await read([file(Buffer.from(content, 'utf8'))]);
      expect(items.map((i) => i.ok && i.row.currentCompanyName)).toEqual(['Müller GmbH']);
    }
  });

  test('UTF-16 (with a byte-order mark, or without one) is refused with a clear message', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    expect(await refused(read([file(le)]))).toMatch(/UTF-16.*not UTF-8/);
    expect(await refused(read([file(Buffer.from(csv, 'utf16le'))]))).toMatch(/NUL bytes/);
  });

  test('Latin-1 bytes are refused, not read with replacement characters; declared, they are decoded', async () => {
    const latin1 = Buffer.from(csv, 'latin1');
    expect(await refused(read([file(latin1)]))).toMatch(/not valid UTF-8.*linkedin\.encoding/);
    // Deep in the file too (past the start that is checked up front): the stream refuses, no row has "\uFFFD".
    const late = Buffer.concat([
      Buffer.from(`recordId,status,currentCompanyName\n${'0035e00000Ab001AAA,NOT_AT_COMPANY,Plain\n'.repeat(3000)}`),
      latin1.subarray(35),
    ]);
    expect(await refused(read([file(late)]))).toMatch(/not valid UTF-8/);
    const items = await read([file(latin1)], { encoding: 'windows-1252' });
    expect(items.map((i) => i.ok && i.row.currentCompanyName)).toEqual(['Müller GmbH']);
  });
});

describe('malformed rows', () => {
  test('an unterminated quote is rejected with its line number; every row after it is still read (file end or mid-file)', async () => {
    const after = Array.from(
      { length: 100 },
      (_, i) => `003000000000000${String(i).padStart(3, '0')},NOT_AT_COMPANY,Co ${i}`,
    );
    const items = await read([
      file(
        ['recordId,status,currentCompanyName', '0035e00000Ab001AAA,NOT_AT_COMPANY,"never closed', ...after].join('\n'),
      ),
    ]);
    expect(rejects(items)).toEqual([[2, 'unreadable CSV: quote not closed']]);
    expect(rows(items)).toHaveLength(100);
    expect(rows(items)[0][0]).toBe(3);
  });

  test('a quoted value may span a few lines, not the file: past the line cap the quote is rejected and the rows re-read', async () => {
    const multi = '0035e00000Ab002AAA,NOT_AT_COMPANY,"Street 1\nCity\nCountry"';
    const after = Array.from(
      { length: 60 },
      (_, i) => `003000000000000${String(i).padStart(3, '0')},NOT_AT_COMPANY,Co ${i}`,
    );
    const text = [
      'recordId,status,currentCompanyName',
      multi,
      '0035e00000Ab001AAA,NOT_AT_COMPANY,"Bad quote',
      ...after,
      '0035e00000Ab003AAA,NOT_AT_COMPANY,"closes"',
    ].join('\n');
    const items = await read([file(text)]);
    expect(rejects(items)).toEqual([[5, 'unreadable CSV: quote not closed']]);
    expect(rows(items).map((r) => r[0])).toEqual([2, ...after.map((_, i) => 6 + i), 66]);
  });
});

describe('separators', () => {
  const semi =
    'recordId;status;currentCompanyName\n0035e00000Ab001AAA;NOT_AT_COMPANY;"Dupont, Fils & Cie"\n00Q5e00000Ld002AAA;AT_COMPANY;Rossi\n';

  test('a ;-separated file from a European spreadsheet program is sniffed from its header', async () => {
    const items = await read([file(semi)]);
    expect(items.map((i) => i.ok && [i.row.recordId, i.row.status, i.row.currentCompanyName])).toEqual([
      ['0035e00000Ab001AAA', 'NOT_AT_COMPANY', 'Dupont, Fils & Cie'],
      ['00Q5e00000Ld002AAA', 'AT_COMPANY', 'Rossi'],
    ]);
  });

  test('an explicit delimiter wins over sniffing', async () => {
    // A header with more commas than tabs, but the file is tab-separated.
    const tabbed = 'recordId\tstatus\tcurrentCompanyName, Inc., Ltd\n0035e00000Ab001AAA\tNOT_AT_COMPANY\tA, B\n';
    expect(rows(await read([file(tabbed)], { delimiter: '\t' }))).toEqual([
      [2, '0035e00000Ab001AAA', 'NOT_AT_COMPANY'],
    ]);
  });
});

describe('bounded memory and work', () => {
  const opts = { source: 'big.csv', mapping: resolveColumns() };
  async function* pieces(text: string, size: number): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }

  test('rejection reasons show at most ~40 characters of a value', async () => {
    const long = 'x'.repeat(5000);
    const items = await read([
      file(
        `recordId,recordType,status,flaggedAt\n0035e00000Ab001AAA,contact,${long},\n0035e00000Ab002AAA,${long},flagged,\n0035e00000Ab003AAA,contact,flagged,${long}\n`,
      ),
    ]);
    const reasons = rejects(items).map((r) => r[1] as string);
    expect(reasons).toHaveLength(3);
    for (const r of reasons) {
      expect(r.length).toBeLessThanOrEqual(100);
      expect(/"(x+)…"/.exec(r)?.[1]).toHaveLength(40);
    }
  });

  test('a line past the cap is rejected with its line number and the rows after it are read; work stays linear in tiny chunks', async () => {
    const huge = `0035e00000Ab009AAA,NOT_AT_COMPANY,${'y'.repeat(4 * MAX_RECORD)}`;
    const text = `recordId,status,currentCompanyName\n0035e00000Ab001AAA,NOT_AT_COMPANY,A\n${huge}\n0035e00000Ab002AAA,NOT_AT_COMPANY,B\n`;
    // Characters examined by indexOf across the whole parse: quadratic buffering would examine the long line once per chunk.
    let examined = 0;
    const indexOf = String.prototype.indexOf;
    String.prototype.indexOf = function (this: string, search: string, from?: number) {
      examined += this.length - Math.max(0, from ?? 0);
      return indexOf.call(this, search, from);
    };
    const items: ExportItem[] = [];
    try {
      for await (const b of parseExportBatches(pieces(text, 64), opts)) items.push(...b);
    } finally {
      String.prototype.indexOf = indexOf;
    }
    expect(rejects(items)).toEqual([[3, `unreadable CSV: line longer than ${MAX_RECORD} characters`]]);
    expect(rows(items).map((r) => r[0])).toEqual([2, 4]);
    expect(examined).toBeLessThan(6 * text.length);
  });

  test('JSON lines: a line past the cap is rejected, the next lines read', async () => {
    const text = `{"recordId":"0035e00000Ab001AAA","status":"flagged"}\n{"recordId":"0035e00000Ab009AAA","x":"${'z'.repeat(2 * MAX_RECORD)}"}\n{"recordId":"0035e00000Ab002AAA","status":"flagged"}\n`;
    const items: ExportItem[] = [];
    for await (const b of parseExportBatches(pieces(text, 100), opts)) items.push(...b);
    expect(rejects(items)).toEqual([[2, `line longer than ${MAX_RECORD} characters`]]);
    expect(rows(items).map((r) => r[0])).toEqual([1, 3]);
  });
});

describe('what spreadsheet programs save', () => {
  const A = '0035e00000Ab001AAA';
  const B = '0035e00000Ab002AAA';
  const opts = { source: 'mac.csv', mapping: resolveColumns() };
  async function* pieces(text: string, size: number): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }

  test('lines ended by CR alone (classic Mac "CSV") are lines: every row is read, whole or cut anywhere', async () => {
    // The last value names a status spelling, so a reader that sees one long line takes it for the status column.
    const text = `recordId,status\r${A},NOT_AT_COMPANY\r${B},NOT_AT_COMPANY\r`;
    const expected = [
      [2, A, 'NOT_AT_COMPANY'],
      [3, B, 'NOT_AT_COMPANY'],
    ];
    expect(rows(await read([file(text)]))).toEqual(expected);
    for (const size of [1, 2, 7, 16]) {
      const items: ExportItem[] = [];
      for await (const b of parseExportBatches(pieces(text, size), opts)) items.push(...b);
      expect(rows(items)).toEqual(expected);
    }
    // Larger than the head the file check reads, with a two-byte character across its edge: read, not refused.
    const many = Array.from(
      { length: 3000 },
      (_, i) => `0035e00000A${String(i).padStart(4, '0')}AAA;NOT_AT_COMPANY;Société Générale`,
    );
    const big = await read([file(`recordId;status;currentCompanyName\r${many.join('\r')}\r`)]);
    expect(rejects(big)).toEqual([]);
    expect(rows(big)).toHaveLength(3000);
  });

  test('Excel\'s "sep=" first line names the separator and is not the header', async () => {
    for (const first of ['sep=;', '"sep=;"', '\uFEFFsep=;', 'sep=;;']) {
      const items = await read([file(`${first}\r\nrecordId;status\r\n${A};NOT_AT_COMPANY\r\n`)]);
      expect(rejects(items)).toEqual([]);
      expect(rows(items)).toEqual([[3, A, 'NOT_AT_COMPANY']]);
    }
  });

  test('empty columns after the table (trailing separators) and blank spreadsheet rows lose no row and are no problem', async () => {
    const text = `recordId,status,,\n${A},NOT_AT_COMPANY,,\n,,,\n${B},AT_COMPANY\n0035e00000Ab003AAA,NOT_AT_COMPANY,,,,\n`;
    const items = await read([file(text)]);
    expect(rejects(items)).toEqual([]);
    expect(rows(items)).toEqual([
      [2, A, 'NOT_AT_COMPANY'],
      [4, B, 'AT_COMPANY'],
      [5, '0035e00000Ab003AAA', 'NOT_AT_COMPANY'],
    ]);
    // A value in a column the header does not have is still a shifted row.
    expect(rejects(await read([file(`recordId,status\n${A},NOT_AT_COMPANY,x\n`)]))).toEqual([
      [2, 'unreadable CSV: 3 fields where the header has 2'],
    ]);
  });

  test('a column we read named twice (up to case and spacing) is refused whole, naming it: no guess which one holds the value', async () => {
    for (const header of ['recordId,status,status', 'recordId,Status,status', 'Record Id,record_id,status']) {
      const detail = await refused(read([file(`${header}\n${A},NOT_AT_COMPANY,AT_COMPANY\n`)]));
      expect(detail).toMatch(/named more than once: "(status|record_id)"; columns found: "/);
    }
    // A column we do not read may repeat.
    expect(rows(await read([file(`recordId,status,note,note\n${A},NOT_AT_COMPANY,a,b\n`)]))).toEqual([
      [2, A, 'NOT_AT_COMPANY'],
    ]);
  });
});

describe('files that only look like exports', () => {
  test('an Excel workbook (.xlsx, a ZIP archive) is refused as such, also with an encoding declared', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]), Buffer.from('[Content_Types].xml')]);
    expect(await refused(read([file(xlsx, 'export.xlsx')]))).toMatch(
      /ZIP archive \(an Excel \.xlsx workbook\?\).*CSV UTF-8/,
    );
    expect(await refused(read([file(xlsx, 'export2.xlsx')], { encoding: 'windows-1252' }))).toMatch(/ZIP archive/);
  });

  test('JSON objects with one of our keys twice (up to case) are rejected row by row, not guessed', async () => {
    const A = '0035e00000Ab001AAA';
    const text = `{"recordId":"${A}","Status":"NOT_AT_COMPANY","status":"AT_COMPANY"}\n{"recordId":"${A}","status":"NOT_AT_COMPANY"}\n`;
    const items = await read([file(text, 'twice.jsonl')]);
    expect(rejects(items)).toEqual([[1, 'column named more than once: "status"']]);
    expect(rows(items)).toEqual([[2, A, 'NOT_AT_COMPANY']]);
  });
});
