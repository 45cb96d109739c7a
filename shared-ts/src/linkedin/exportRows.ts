/**
 * Streams a Data Validation export file (CSV, JSON lines or a JSON array: the format is not documented, all are accepted)
 * into mapped rows or rejected rows with a reason. Chunks are parsed as they arrive; nothing holds the file.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { ColumnMapping } from './config';
import type { CrmRecordType, ExportItem, RejectedRow, ValidationRow, ValidationStatus } from './source';

export const DEFAULT_COLUMNS: ColumnMapping = {
  recordId: ['recordId', 'crmRecordId', 'record_id', 'crm_record_id', 'crmId', 'id'],
  recordType: ['recordType', 'crmRecordType', 'record_type', 'objectType', 'entity', 'type'],
  status: ['status', 'validationStatus', 'flag', 'notAtCompany'],
  memberUrn: ['memberUrn', 'member', 'member_urn', 'personUrn'],
  crmAccountId: ['crmAccountId', 'accountId', 'account_id', 'crm_account_id'],
  currentCompanyName: ['currentCompanyName', 'currentCompany', 'companyName', 'linkedInCompany'],
  currentCompanyUrn: ['currentCompanyUrn', 'companyUrn', 'company_urn', 'organizationUrn'],
  flaggedAt: ['flaggedAt', 'flagged_at', 'validatedAt', 'timestamp'],
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Custom header names are tried first, then the defaults (so one source can read files of both shapes). */
export function resolveColumns(custom?: Partial<ColumnMapping>): ColumnMapping {
  const out = { ...DEFAULT_COLUMNS };
  for (const f of Object.keys(custom ?? {}) as (keyof ColumnMapping)[]) out[f] = [...(custom?.[f] ?? []), ...DEFAULT_COLUMNS[f]];
  return out;
}

type Field = keyof ColumnMapping;

/** Maps the keys of one object (CSV header or JSON object) to our fields, first alias wins. */
function keyIndex(keys: string[], mapping: ColumnMapping): Partial<Record<Field, string>> {
  const byNorm = new Map(keys.map((k) => [norm(k), k]));
  const out: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(mapping) as Field[]) {
    for (const alias of mapping[field]) {
      const k = byNorm.get(norm(alias));
      if (k !== undefined) {
        out[field] = k;
        break;
      }
    }
  }
  return out;
}

// Rows of one file share their keys: resolve the column mapping once per key set, not per row.
let lastKeys = '';
let lastMapping: ColumnMapping | null = null;
let lastIndex: Partial<Record<Field, string>> = {};
function cachedIndex(obj: Record<string, unknown>, mapping: ColumnMapping): Partial<Record<Field, string>> {
  const keys = Object.keys(obj);
  const sig = keys.join('\u0000');
  if (sig !== lastKeys || mapping !== lastMapping) {
    lastKeys = sig;
    lastMapping = mapping;
    lastIndex = keyIndex(keys, mapping);
  }
  return lastIndex;
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const URN_RE = /^urn:li:(person|member):[A-Za-z0-9_-]+$/;
const COMPANY_URN_RE = /^urn:li:(company|organization):[A-Za-z0-9_-]+$/;

function recordTypeOf(value: string | undefined, id: string): CrmRecordType | null {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'contact' || v === 'contacts') return 'contact';
  if (v === 'lead' || v === 'leads') return 'lead';
  if (v) return null;
  // No type column: Salesforce id key prefixes are unambiguous.
  if (id.startsWith('003')) return 'contact';
  if (id.startsWith('00Q')) return 'lead';
  return null;
}

const FLAGGED = new Set(['notatcompany', 'nolongeratcompany', 'nolongerwithcompany', 'flagged', 'true', '1', 'yes']);
const CLEARED = new Set(['atcompany', 'cleared', 'nofeedback', 'false', '0', 'no', 'valid']);

function statusOf(value: string | undefined): ValidationStatus | null {
  if (value === undefined || value.trim() === '') return 'NOT_AT_COMPANY'; // the export lists flagged records
  const v = norm(value);
  if (FLAGGED.has(v)) return 'NOT_AT_COMPANY';
  if (CLEARED.has(v)) return 'AT_COMPANY';
  return null;
}

function timeOf(value: string | undefined): number | null | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d{10,13}$/.test(value.trim())) {
    const n = Number(value);
    return value.trim().length === 10 ? n * 1000 : n;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** Maps one object to a row, or gives the reason it cannot be mapped. */
export function mapRecord(obj: Record<string, unknown>, mapping: ColumnMapping): ValidationRow | string {
  const idx = cachedIndex(obj, mapping);
  return mapWith((f) => (idx[f] === undefined ? undefined : str(obj[idx[f] as string])?.trim()));
}

// CSV rows share one header array: resolve the column positions once per header.
const positionCache = new WeakMap<string[], { mapping: ColumnMapping; pos: Partial<Record<Field, number>> }>();

/** Maps one CSV row (values in header order) without building an object per row. */
export function mapValues(values: string[], header: string[], mapping: ColumnMapping): ValidationRow | string {
  let cached = positionCache.get(header);
  if (!cached || cached.mapping !== mapping) {
    const idx = keyIndex(header, mapping);
    const pos: Partial<Record<Field, number>> = {};
    for (const f of Object.keys(idx) as Field[]) pos[f] = header.indexOf(idx[f] as string);
    cached = { mapping, pos };
    positionCache.set(header, cached);
  }
  const pos = cached.pos;
  return mapWith((f) => {
    const i = pos[f];
    return i === undefined ? undefined : values[i].trim();
  });
}

function mapWith(get: (f: Field) => string | undefined): ValidationRow | string {
  const recordId = get('recordId');
  if (!recordId) return 'no record id column or empty record id';
  if (!ID_RE.test(recordId)) return `record id "${recordId.slice(0, 40)}" is not a CRM id`;
  const recordType = recordTypeOf(get('recordType'), recordId);
  if (!recordType) return `record type "${get('recordType') ?? ''}" is neither contact nor lead`;
  const status = statusOf(get('status'));
  if (!status) return `unknown status "${get('status')}"`;
  const row: ValidationRow = { recordId, recordType, status };
  const memberUrn = get('memberUrn');
  if (memberUrn) {
    if (!URN_RE.test(memberUrn)) return `member "${memberUrn.slice(0, 40)}" is not a person URN`;
    row.memberUrn = memberUrn;
  }
  const account = get('crmAccountId');
  if (account) {
    if (!ID_RE.test(account)) return `account id "${account.slice(0, 40)}" is not a CRM id`;
    row.crmAccountId = account;
  }
  const company = get('currentCompanyName');
  if (company) row.currentCompanyName = company;
  const companyUrn = get('currentCompanyUrn');
  if (companyUrn) {
    if (!COMPANY_URN_RE.test(companyUrn)) return `company "${companyUrn.slice(0, 40)}" is not a company URN`;
    row.currentCompanyUrn = companyUrn;
  }
  const flaggedAt = timeOf(get('flaggedAt'));
  if (flaggedAt === null) return `unreadable date "${get('flaggedAt')}"`;
  if (flaggedAt !== undefined) row.flaggedAt = flaggedAt;
  return row;
}

export interface ParseOptions {
  /** Name shown in rejected rows (a file name or "download 2 of 3"; never a signed URL). */
  source: string;
  mapping: ColumnMapping;
  /** Items (mapped + rejected) to skip: used to resume a download that was cut off. */
  skipItems?: number;
}

const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}…` : s).replace(/\r?\n$/, '');

/** One object read from a CSV (header = keys) or JSON-lines stream, or the reason it could not be read. */
export interface RawRecord {
  line: number;
  raw: string;
  /** JSON: the object. */
  obj?: Record<string, unknown>;
  /** CSV: the values, and the header array they belong to (shared by every row of the file). */
  values?: string[];
  header?: string[];
  error?: string;
}

/** The record as an object, whatever format it came from. */
export function objectOf(rec: RawRecord): Record<string, unknown> | undefined {
  if (rec.obj || !rec.values || !rec.header) return rec.obj;
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < rec.header.length; i++) obj[rec.header[i]] = rec.values[i];
  return obj;
}

/**
 * Reads objects from a byte/string stream; the format is chosen from the first non-blank character:
 * `{` = JSON lines, `[` = a JSON array of objects (streamed element by element), anything else = CSV.
 */
export async function* readRecords(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawRecord> {
  const it = chunks[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8');
  let head = '';
  let first = await it.next();
  while (!first.done) {
    head += typeof first.value === 'string' ? first.value : decoder.decode(first.value, { stream: true });
    if (head.replace(/^\uFEFF/, '').trim() !== '') break;
    first = await it.next();
  }
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) break;
      yield typeof n.value === 'string' ? n.value : decoder.decode(n.value, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  const lead = head.replace(/^\uFEFF/, '').trimStart()[0];
  yield* lead === '{' ? readJsonLines(rest()) : lead === '[' ? readJsonArray(rest()) : readCsv(rest());
}

/** Parses an export stream into mapped and rejected rows. */
export async function* parseExport(chunks: AsyncIterable<Uint8Array | string>, opts: ParseOptions): AsyncGenerator<ExportItem> {
  let skip = opts.skipItems ?? 0;
  for await (const rec of readRecords(chunks)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    if (rec.error !== undefined || !(rec.obj || rec.values)) {
      yield reject(opts.source, rec.line, rec.error ?? 'unreadable', rec.raw);
      continue;
    }
    const row = rec.values && rec.header ? mapValues(rec.values, rec.header, opts.mapping) : mapRecord(rec.obj as Record<string, unknown>, opts.mapping);
    if (typeof row === 'string') yield reject(opts.source, rec.line, row, rec.raw);
    else yield { ok: true, row, source: opts.source, line: rec.line };
  }
}

async function* readJsonLines(text: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let buf = '';
  let line = 0;
  const one = (raw: string): RawRecord | null => {
    line++;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return null;
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch {
      return { line, raw, error: 'not valid JSON' };
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line, raw, error: 'not a JSON object' };
    return { line, raw, obj: obj as Record<string, unknown> };
  };
  for await (const chunk of text) {
    buf += chunk;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const rec = one(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      if (rec) yield rec;
      nl = buf.indexOf('\n');
    }
  }
  if (buf.trim()) {
    const rec = one(buf);
    if (rec) yield rec;
  }
}

/**
 * A top-level JSON array, split into its elements while streaming (string and nesting aware), each element parsed
 * on its own: one bad element is rejected without losing the others. `line` is the element's 1-based index.
 */
async function* readJsonArray(text: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let ended = false;
  let current = '';
  let index = 0;
  const element = (raw: string): RawRecord => {
    index++;
    try {
      const obj: unknown = JSON.parse(raw);
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line: index, raw, error: 'not a JSON object' };
      return { line: index, raw, obj: obj as Record<string, unknown> };
    } catch {
      return { line: index, raw, error: 'not valid JSON' };
    }
  };
  for await (const chunk of text) {
    const out: RawRecord[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (!started) {
        if (c === '[') {
          started = true;
          start = i + 1;
        }
        continue;
      }
      if (ended) continue;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0 && c === ']') {
          current += chunk.slice(start, i);
          if (current.trim()) out.push(element(current.trim()));
          current = '';
          ended = true;
          continue;
        }
        depth--;
      } else if (c === ',' && depth === 0) {
        current += chunk.slice(start, i);
        out.push(element(current.trim()));
        current = '';
        start = i + 1;
      }
    }
    if (started && !ended) current += chunk.slice(start);
    yield* out;
  }
  if (!ended && (current.trim() || started)) yield { line: index + 1, raw: current.slice(0, 500), error: 'JSON array not closed' };
}

function reject(source: string, line: number, reason: string, raw: string): { ok: false; rejected: RejectedRow } {
  return { ok: false, rejected: { source, line, reason, raw: clip(raw) } };
}

/** A record with quotes may span lines; past this size an unbalanced quote is reported and the reader moves on. */
const MAX_QUOTED_RECORD = 64 * 1024;

/**
 * CSV reader: lines without a quote character are split on commas directly (what any RFC 4180 parser yields for
 * them, and ~5× faster than a general parser); records with quotes are collected until their quotes balance
 * and parsed by csv-parse. Line numbers are 1-based, the header is line 1.
 */
async function* readCsv(text: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let header: string[] | null = null;
  let buf = '';
  let line = 0;
  let pending = ''; // a quoted record still open
  let pendingLine = 0;
  let pendingLines = 0;

  const toRecord = (fields: string[], startLine: number, raw: string): RawRecord => {
    if (!header) {
      header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      return { line: startLine, raw, error: '' };
    }
    if (fields.length !== header.length) {
      return { line: startLine, raw, error: `unreadable CSV: ${fields.length} fields where the header has ${header.length}` };
    }
    return { line: startLine, raw, values: fields, header };
  };
  const quoted = (raw: string, startLine: number): RawRecord => {
    try {
      const rows = parseCsvSync(raw, { relax_column_count: true }) as string[][];
      if (rows.length !== 1) return { line: startLine, raw, error: 'unreadable CSV: not one record' };
      return toRecord(rows[0], startLine, raw);
    } catch (err) {
      return { line: startLine, raw, error: `unreadable CSV: ${(err as Error).message}` };
    }
  };
  function* lines(final: boolean): Generator<RawRecord> {
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !(final && pos < buf.length)) break;
      const end = nl >= 0 ? nl : buf.length;
      let l = buf.slice(pos, end);
      pos = end + 1;
      line++;
      if (l.endsWith('\r')) l = l.slice(0, -1);
      if (pending) {
        pending += `\n${l}`;
        pendingLines++;
        if (countQuotes(pending) % 2 === 0) {
          const rec = quoted(pending, pendingLine);
          pending = '';
          if (rec.error !== '') yield rec;
        } else if (pending.length > MAX_QUOTED_RECORD) {
          yield { line: pendingLine, raw: pending.slice(0, 500), error: 'unreadable CSV: quote not closed' };
          // Re-read the swallowed lines after the bad one.
          const rest = pending.split('\n').slice(1).join('\n');
          pending = '';
          line -= pendingLines;
          buf = `${rest}\n${buf.slice(Math.min(pos, buf.length))}`;
          pos = 0;
        }
      } else if (l.trim() === '') {
        // blank line: skipped
      } else if (l.indexOf('"') < 0) {
        const rec = toRecord(l.split(','), line, l);
        if (rec.error !== '') yield rec;
      } else if (countQuotes(l) % 2 === 0) {
        const rec = quoted(l, line);
        if (rec.error !== '') yield rec;
      } else {
        pending = l;
        pendingLine = line;
        pendingLines = 0;
      }
    }
    buf = pos >= buf.length ? '' : buf.slice(pos);
  }
  for await (const chunk of text) {
    buf += chunk;
    yield* lines(false);
  }
  yield* lines(true);
  if (pending) yield { line: pendingLine, raw: pending.slice(0, 500), error: 'unreadable CSV: quote not closed' };
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}
