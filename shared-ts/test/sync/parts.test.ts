import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvDocument } from '../../src/net/csv';
import { parseInboxLine } from '../../src/sync/inbox';
import { ConfigError, credentialsFromEnv, loadConfig } from '../../src/sync/config';
import { isCrmRecordId } from '../../src/domain/recordId';

describe('CSV for the auto-save files', () => {
  test('spreadsheet formulas are neutralised; quotes, commas and newlines survive a round trip', () => {
    const values = [
      '=HYPERLINK("http://127.0.0.1/x","y")',
      '+1 555',
      '-2',
      '@SUM(A1)',
      'Müller "AG"',
      'a,b',
      'line\nbreak',
      "O'Brien",
      ' padded ',
    ];
    const rows = parse(
      csvDocument(
        ['v'],
        values.map((v) => [v]),
      ),
    ) as string[][];
    const back = rows.slice(1).map((r) => r[0]);
    expect(back.slice(0, 4)).toEqual(values.slice(0, 4).map((v) => `'${v}`));
    expect(back.slice(4)).toEqual(values.slice(4));
  });
  test('the guard also catches formulas behind leading spaces, full-width lookalikes, tab and CR', () => {
    const risky = [
      '  =1+1',
      '\u3000=cmd|x',
      '＝HYPERLINK("x")',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\t=1',
      '\r=1',
      '\tanything',
      ' \u00a0@x',
    ];
    const back = (
      parse(
        csvDocument(
          ['v'],
          risky.map((v) => [v]),
        ),
      ) as string[][]
    )
      .slice(1)
      .map((r) => r[0]);
    expect(back).toEqual(risky.map((v) => `'${v}`));
    const safe = ['a=b', 'Acme (+1)', 'x-y', 'mail@example.com', '１２３'];
    expect(
      (
        parse(
          csvDocument(
            ['v'],
            safe.map((v) => [v]),
          ),
        ) as string[][]
      )
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(safe);
  });
  test('any values survive a round trip through csv-parse (guard off), with CRLF line ends', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', 'é', ';', "'") }), {
            minLength: 2,
            maxLength: 2,
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const text = csvDocument(['x', 'y'], rows, { formulaGuard: false });
          expect(text.endsWith('\r\n')).toBe(true);
          expect(parse(text, { record_delimiter: '\r\n' })).toEqual([['x', 'y'], ...rows]);
        },
      ),
    );
  });
  test('machine files can keep values byte-exact', () => {
    expect(csvDocument(['a', 'b'], [['=1+1', null]], { formulaGuard: false })).toBe('a,b\r\n=1+1,\r\n');
  });
});

describe('inbox lines', () => {
  const good = {
    id: 'a1',
    kind: 'inmail',
    seatHolder: 'Rep@Seller.example',
    memberUrn: 'urn:li:person:1',
    name: 'Léa Dubois',
    time: '2026-11-20T10:00:00Z',
    subject: 's',
    body: 'b',
  };
  test('a good line is read, the seat holder normalised', () => {
    const r = parseInboxLine(JSON.stringify(good), 1);
    expect(r.ok && r.activity.seatHolder).toBe('rep@seller.example');
    expect(r.ok && r.activity.channel).toBeNull();
  });
  test.each([
    ['{not json', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    [JSON.stringify({ ...good, id: '' }), 'missing id'],
    [JSON.stringify({ ...good, kind: 'email' }), 'unknown kind "email"'],
    [JSON.stringify({ ...good, time: 'yesterday' }), 'missing or invalid time'],
    [JSON.stringify({ ...good, name: '', memberUrn: null }), 'no person (neither name nor memberUrn)'],
  ])('bad line %s is reported: %s', (line, reason) => {
    expect(parseInboxLine(line, 7)).toEqual({ ok: false, line: 7, reason });
  });
});

describe('configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'navsync-cfg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (v: unknown) => {
    const f = join(dir, 'c.json');
    writeFileSync(f, JSON.stringify(v));
    return f;
  };
  test('relative paths resolve against the config file; endpoints named *Url are not secrets', () => {
    const cfg = loadConfig(
      write({
        crm: 'dataverse',
        dataverse: { url: 'https://org.crm4.dynamics.com', tokenUrl: 'https://login.example/t' },
        linkedin: { source: 'file', exportFiles: ['x.csv'] },
        inboxFile: 'inbox.jsonl',
      }),
    );
    expect(cfg.inboxFile).toBe(join(dir, 'inbox.jsonl'));
    expect(cfg.linkedin.source === 'file' && cfg.linkedin.exportFiles).toEqual([join(dir, 'x.csv')]);
  });
  test.each([
    [{ crm: 'hubspot', linkedin: { source: 'file', exportFiles: [] } }, /"crm" must be/],
    [{ crm: 'salesforce', linkedin: { source: 'file', exportFiles: [] } }, /instanceUrl is required/],
    [{ crm: 'salesforce', salesforce: { instanceUrl: 'x' }, linkedin: { source: 'ftp' } }, /linkedin.source/],
    [
      {
        crm: 'salesforce',
        salesforce: { instanceUrl: 'x', password: 'p4ssw0rd' },
        linkedin: { source: 'file', exportFiles: [] },
      },
      /secrets do not belong in the config file \(salesforce.password\)/,
    ],
  ])('%j is refused', (v, msg) => {
    expect(() => loadConfig(write(v))).toThrow(ConfigError);
    expect(() => loadConfig(write(v))).toThrow(msg);
  });
  test('credentials come from the environment only', () => {
    expect(credentialsFromEnv({ NAVSYNC_SF_CLIENT_SECRET: 's3', OTHER: 'x' })).toEqual({ sfClientSecret: 's3' });
  });
});

test('CRM record id shapes', () => {
  expect(isCrmRecordId('salesforce', '0035g000000000AAAQ')).toBe(true);
  expect(isCrmRecordId('salesforce', "003' OR 1=1")).toBe(false);
  expect(isCrmRecordId('dataverse', '6e617673-0043-4000-8000-000000000001')).toBe(true);
  expect(isCrmRecordId('dataverse', '0035g000000000AAAQ')).toBe(false);
});
