import { join } from 'node:path';
import { CatalogueError } from '../../src/domain/errors';
import { FileSource } from '../../src/linkedin/fileSource';
import type { ExportItem } from '../../src/linkedin/source';

const fx = (f: string) => join(__dirname, '..', 'fixtures', 'linkedin', f);

async function collect(items: AsyncIterable<ExportItem>): Promise<ExportItem[]> {
  const out: ExportItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const columns = {
  recordId: ['CRM Id'],
  recordType: ['Object'],
  status: ['Flag'],
  memberUrn: ['LinkedIn Member'],
  currentCompanyName: ['Current Employer'],
  flaggedAt: ['Flagged On'],
};

test('a CSV drop with its own column names, and a JSON-lines drop, through the same interface', async () => {
  const src = new FileSource({
    exportFiles: [fx('export-custom-columns.csv'), fx('export.jsonl')],
    columns,
    now: () => 1_800_000_000_000,
  });
  const exp = await src.exportValidation({ since: 0 });
  expect(exp.nextCursor).toBe(1_800_000_000_000);
  const items = await collect(exp.items());
  const rows = items.flatMap((i) => (i.ok ? [i.row] : []));
  expect(rows).toEqual([
    {
      recordId: '0035e00000Ab001AAA',
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:Xy12',
      currentCompanyName: 'Dupont & Fils S.A.',
      flaggedAt: Date.parse('2026-11-20T08:00:00Z'),
    },
    {
      recordId: '00Q5e00000Ld002AAA',
      recordType: 'lead',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:Zz34',
      currentCompanyName: 'Rossi S.p.A.',
      flaggedAt: 1763625600000,
    },
    {
      recordId: '0035e00000Ab005AAA',
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:Q1',
      currentCompanyName: 'Müller, "Die Bäcker" GmbH\nZweigstelle Nord',
    },
    {
      recordId: '0035e00000Ab008AAA',
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      memberUrn: 'urn:li:person:J1',
      currentCompanyUrn: 'urn:li:organization:1035',
    },
    // No type column: the Salesforce key prefix 00Q says lead.
    { recordId: '00Q5e00000Ld009AAA', recordType: 'lead', status: 'AT_COMPANY' },
  ]);
  const rejected = items.flatMap((i) => (i.ok ? [] : [i.rejected]));
  expect(rejected.map((r) => [r.source, r.line, r.reason])).toEqual([
    // No status is no verdict: the row changes nothing (it is never read as "flagged").
    ['export-custom-columns.csv', 4, 'empty status'],
    ['export-custom-columns.csv', 5, 'unknown status "maybe"'],
    ['export-custom-columns.csv', 8, 'unreadable date "yesterday"'],
    ['export-custom-columns.csv', 9, 'member "company:12" is not a person URN'],
    ['export.jsonl', 4, 'not a JSON object'],
    ['export.jsonl', 5, 'no record id column or empty record id'],
  ]);
  expect(src.requestCounts()).toEqual({ total: 2, byKind: { file: 2 } });
});

test('a JSON array file is streamed element by element; a bad element is rejected alone', async () => {
  const src = new FileSource({ exportFiles: [fx('export-array.json')] });
  const items = await collect((await src.exportValidation({ since: 0 })).items());
  expect(items.flatMap((i) => (i.ok ? [[i.row.recordId, i.row.status, i.row.currentCompanyName]] : []))).toEqual([
    ['0035e00000Ab101AAA', 'NOT_AT_COMPANY', 'Brackets [and] braces {Ltd}, "quoted"'],
    ['00Q5e00000Ld102AAA', 'AT_COMPANY', undefined],
  ]);
  expect(items.flatMap((i) => (i.ok ? [] : [[i.rejected.line, i.rejected.reason]]))).toEqual([
    [3, 'not a JSON object'],
    [4, 'no status'],
  ]);
});

test('an unclosed quote is reported and the following rows are still read', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'navsync-fs-'));
  const lines = ['recordId,recordType,status,currentCompanyName', '0035e00000Ab001AAA,contact,flagged,"never closed'];
  for (let i = 0; i < 3000; i++)
    lines.push(
      `003${String(i).padStart(15, '0')},contact,flagged,Company ${i} with a long name to fill the buffer quickly`,
    );
  writeFileSync(join(dir, 'bad.csv'), lines.join('\n'));
  const src = new FileSource({ exportFiles: [join(dir, 'bad.csv')] });
  const items = await collect((await src.exportValidation({ since: 0 })).items());
  expect(items[0]).toMatchObject({ ok: false, rejected: { line: 2, reason: 'unreadable CSV: quote not closed' } });
  expect(items.filter((i) => i.ok)).toHaveLength(3000);
});

test('associations from a file: found, photo optional, an invalid line is a failed lookup (not "no match"), unknown = not found', async () => {
  const src = new FileSource({ exportFiles: [], associationsFile: fx('associations.csv') });
  expect(await src.getAssociation('0035e00000Ab001AAA')).toEqual({
    recordId: '0035e00000Ab001AAA',
    memberUrn: 'urn:li:person:Xy12',
    profileUrl: 'https://www.linkedin.com/sales/profile/ACwAAXy12',
    photoUrl: 'https://media.licdn.com/p/xy12.jpg',
  });
  const batch = await src.getAssociations(['00Q5e00000Ld002AAA', '0035e00000Ab003AAA', 'nope']);
  expect([...batch.found.keys()]).toEqual(['00Q5e00000Ld002AAA']);
  expect(batch.found.get('00Q5e00000Ld002AAA')).not.toHaveProperty('photoUrl');
  expect(batch.notFound).toEqual(['nope']);
  expect(batch.failed.get('0035e00000Ab003AAA')).toEqual({
    status: 422,
    message: 'associations.csv line 4: member "not-a-urn" is not a person URN',
  });
});

test('a missing file is its own error (FILE_UNREADABLE, not the CRM API message), naming the file, before any row', async () => {
  const src = new FileSource({ exportFiles: [fx('export.jsonl'), fx('does-not-exist.csv')] });
  const err = await src.exportValidation({ since: 0 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CatalogueError);
  expect((err as CatalogueError).kind).toBe('FILE_UNREADABLE');
  expect((err as CatalogueError).message).toMatch(/^NS-FILE-005: The LinkedIn export file could not be read\./);
  expect((err as CatalogueError).detail).toBe('cannot read does-not-exist.csv: ENOENT');
});
