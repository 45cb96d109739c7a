/**
 * Streams a Data Validation export file (CSV, JSON lines or a JSON array: the format is not documented, all are accepted)
 * into mapped rows or rejected rows with a reason. Chunks are parsed as they arrive; nothing holds the file.
 * The batch functions give the items of each chunk as one array (one async step per chunk, not per row).
 */
import type { ColumnMapping } from './config';
import { CsvRecordReader, type RawRecord } from './exportCsv';
import { detach } from './detach';
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

const URN_RE = /^urn:li:(person|member):[A-Za-z0-9_-]+$/;
const COMPANY_URN_RE = /^urn:li:(company|organization):[A-Za-z0-9_-]+$/;

/** A CRM id as exports carry it: a letter or digit, then up to 63 letters, digits or hyphens (Salesforce, GUID). */
function isIdShape(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 64) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && (c !== 45 || i === 0)) return false;
  }
  return true;
}

function recordTypeFrom(v: string): CrmRecordType | null | undefined {
  const t = v.toLowerCase();
  if (t === 'contact' || t === 'contacts') return 'contact';
  if (t === 'lead' || t === 'leads') return 'lead';
  return t ? null : undefined;
}

const FLAGGED = new Set(['notatcompany', 'nolongeratcompany', 'nolongerwithcompany', 'flagged', 'true', '1', 'yes']);
const CLEARED = new Set(['atcompany', 'cleared', 'nofeedback', 'false', '0', 'no', 'valid']);

function statusFrom(value: string): ValidationStatus | null {
  if (value === '') return 'NOT_AT_COMPANY'; // the export lists flagged records
  const v = norm(value);
  if (FLAGGED.has(v)) return 'NOT_AT_COMPANY';
  if (CLEARED.has(v)) return 'AT_COMPANY';
  return null;
}

/**
 * A column holds a handful of distinct spellings ("CONTACT", "NOT_AT_COMPANY"): each is normalised once and
 * the last one is remembered, so a run of equal values costs one string comparison per row.
 */
class Memo<T> {
  private lastIn: string | null = null;
  private lastOut!: T;
  private readonly seen = new Map<string, T>();
  constructor(private readonly fn: (value: string) => T) {}
  get(value: string): T {
    if (value === this.lastIn) return this.lastOut;
    let out = this.seen.get(value);
    if (out === undefined && !this.seen.has(value)) {
      out = this.fn(value);
      if (this.seen.size >= 256) this.seen.clear();
      this.seen.set(detach(value), out);
    }
    this.lastIn = value;
    this.lastOut = out as T;
    return out as T;
  }
}

const recordTypes = new Memo(recordTypeFrom);
const statuses = new Memo(statusFrom);

function recordTypeOf(value: string | undefined, id: string): CrmRecordType | null {
  const t = value === undefined ? undefined : recordTypes.get(value);
  if (t !== undefined) return t;
  // No type column (or an empty value): Salesforce id key prefixes are unambiguous.
  if (id.startsWith('003')) return 'contact';
  if (id.startsWith('00Q')) return 'lead';
  return null;
}

function statusOf(value: string | undefined): ValidationStatus | null {
  return statuses.get(value === undefined ? '' : value);
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Epoch seconds (10 digits) or milliseconds (11-13), or any date `Date.parse` reads. Values arrive trimmed. */
function timeOf(value: string | undefined): number | null | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length >= 10 && value.length <= 13 && allDigits(value)) {
    const n = Number(value);
    return value.length === 10 ? n * 1000 : n;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** Our fields in the order of the position arrays below. */
const FIELDS = ['recordId', 'recordType', 'status', 'memberUrn', 'crmAccountId', 'currentCompanyName', 'currentCompanyUrn', 'flaggedAt'] as const satisfies readonly Field[];
const F_ID = FIELDS.indexOf('recordId');
const F_TYPE = FIELDS.indexOf('recordType');
const F_STATUS = FIELDS.indexOf('status');
const F_MEMBER = FIELDS.indexOf('memberUrn');
const F_ACCOUNT = FIELDS.indexOf('crmAccountId');
const F_COMPANY = FIELDS.indexOf('currentCompanyName');
const F_COMPANY_URN = FIELDS.indexOf('currentCompanyUrn');
const F_FLAGGED = FIELDS.indexOf('flaggedAt');
/** Where each of our fields is in a row's values (-1 = no such column). */
type Positions = readonly number[];
const IN_ORDER: Positions = FIELDS.map((_, i) => i);

/** Maps one object to a row, or gives the reason it cannot be mapped. */
export function mapRecord(obj: Record<string, unknown>, mapping: ColumnMapping): ValidationRow | string {
  const idx = cachedIndex(obj, mapping);
  const values = FIELDS.map((f) => (idx[f] === undefined ? undefined : str(obj[idx[f] as string])));
  return mapFields(values, IN_ORDER);
}

/** Column positions of our fields in one CSV header (-1 = absent), resolved once per file. */
export class CsvRowMapper {
  private readonly at: Positions;

  constructor(
    readonly header: string[],
    readonly mapping: ColumnMapping,
  ) {
    const idx = keyIndex(header, mapping);
    this.at = FIELDS.map((f) => (idx[f] === undefined ? -1 : header.indexOf(idx[f] as string)));
  }

  /** Maps one CSV row (values in header order) without building an object keyed by header. */
  map(values: readonly string[]): ValidationRow | string {
    return mapFields(values, this.at);
  }
}

/** A field's value, trimmed; undefined when the file has no such column. */
function valueAt(values: readonly (string | undefined)[], at: Positions, field: number): string | undefined {
  const i = at[field];
  const v = i < 0 ? undefined : values[i];
  return v === undefined ? undefined : v.trim();
}

// CSV rows share one header array: resolve the column positions once per header.
const mapperCache = new WeakMap<string[], CsvRowMapper>();

function mapperFor(header: string[], mapping: ColumnMapping): CsvRowMapper {
  let m = mapperCache.get(header);
  if (!m || m.mapping !== mapping) {
    m = new CsvRowMapper(header, mapping);
    mapperCache.set(header, m);
  }
  return m;
}

/** Maps one CSV row (values in header order) without building an object per row. */
export function mapValues(values: string[], header: string[], mapping: ColumnMapping): ValidationRow | string {
  return mapperFor(header, mapping).map(values);
}

function mapFields(values: readonly (string | undefined)[], at: Positions): ValidationRow | string {
  const recordId = valueAt(values, at, F_ID);
  if (!recordId) return 'no record id column or empty record id';
  if (!isIdShape(recordId)) return `record id "${recordId.slice(0, 40)}" is not a CRM id`;
  const typeValue = valueAt(values, at, F_TYPE);
  const recordType = recordTypeOf(typeValue, recordId);
  if (!recordType) return `record type "${typeValue ?? ''}" is neither contact nor lead`;
  const statusValue = valueAt(values, at, F_STATUS);
  const status = statusOf(statusValue);
  if (!status) return `unknown status "${statusValue}"`;
  const memberUrn = valueAt(values, at, F_MEMBER) || undefined;
  if (memberUrn && !URN_RE.test(memberUrn)) return `member "${memberUrn.slice(0, 40)}" is not a person URN`;
  const crmAccountId = valueAt(values, at, F_ACCOUNT) || undefined;
  if (crmAccountId && !isIdShape(crmAccountId)) return `account id "${crmAccountId.slice(0, 40)}" is not a CRM id`;
  const currentCompanyName = valueAt(values, at, F_COMPANY) || undefined;
  const currentCompanyUrn = valueAt(values, at, F_COMPANY_URN) || undefined;
  if (currentCompanyUrn && !COMPANY_URN_RE.test(currentCompanyUrn)) return `company "${currentCompanyUrn.slice(0, 40)}" is not a company URN`;
  const flaggedValue = valueAt(values, at, F_FLAGGED);
  const flaggedAt = timeOf(flaggedValue);
  if (flaggedAt === null) return `unreadable date "${flaggedValue}"`;
  // Every row has the same shape (absent values are undefined): code reading millions of rows stays monomorphic.
  return { recordId, recordType, status, memberUrn, crmAccountId, currentCompanyName, currentCompanyUrn, flaggedAt };
}

export interface ParseOptions {
  /** Name shown in rejected rows (a file name or "download 2 of 3"; never a signed URL). */
  source: string;
  mapping: ColumnMapping;
  /** Items (mapped + rejected) to skip: used to resume a download that was cut off. */
  skipItems?: number;
}

const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}…` : s).replace(/\r?\n$/, '');

export type { RawRecord } from './exportCsv';

/** The record as an object, whatever format it came from. */
export function objectOf(rec: RawRecord): Record<string, unknown> | undefined {
  if (rec.obj || !rec.values || !rec.header) return rec.obj;
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < rec.header.length; i++) obj[rec.header[i]] = rec.values[i];
  return obj;
}

/** Reads a chunk stream as text (UTF-8 decoded across chunk boundaries). */
async function* textOf(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Splits text into records, chunk by chunk: each call gives the records completed by that text. */
interface RecordSplitter {
  push(text: string): RawRecord[];
  end(): RawRecord[];
}

/**
 * Reads objects from a byte/string stream, one array per chunk; the format is chosen from the first non-blank
 * character: `{` = JSON lines, `[` = a JSON array of objects (streamed element by element), anything else = CSV.
 */
export async function* readRecordBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawRecord[]> {
  let splitter: RecordSplitter | null = null;
  let head = '';
  for await (const text of textOf(chunks)) {
    if (!splitter) {
      head += text;
      const lead = head.replace(/^\uFEFF/, '').trimStart()[0];
      if (lead === undefined) continue;
      splitter = lead === '{' ? new JsonLinesSplitter() : lead === '[' ? new JsonArraySplitter() : new CsvRecordReader();
      const out = splitter.push(head);
      head = '';
      if (out.length) yield out;
      continue;
    }
    const out = splitter.push(text);
    if (out.length) yield out;
  }
  if (!splitter) return;
  const out = splitter.end();
  if (out.length) yield out;
}

/** Reads objects one by one (a thin wrapper over `readRecordBatches`). */
export async function* readRecords(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawRecord> {
  for await (const batch of readRecordBatches(chunks)) yield* batch;
}

/** Parses an export stream into mapped and rejected rows, one array per chunk read. */
export async function* parseExportBatches(chunks: AsyncIterable<Uint8Array | string>, opts: ParseOptions): AsyncGenerator<ExportItem[]> {
  let skip = opts.skipItems ?? 0;
  const source = opts.source;
  let mapper: CsvRowMapper | null = null;
  for await (const batch of readRecordBatches(chunks)) {
    const out: ExportItem[] = [];
    for (let i = 0; i < batch.length; i++) {
      const rec = batch[i];
      if (skip > 0) {
        skip--;
        continue;
      }
      if (rec.error !== undefined || !(rec.obj || rec.values)) {
        out.push(reject(source, rec.line, rec.error ?? 'unreadable', rec.raw));
        continue;
      }
      let row: ValidationRow | string;
      if (rec.values && rec.header) {
        if (!mapper || mapper.header !== rec.header) mapper = mapperFor(rec.header, opts.mapping);
        row = mapper.map(rec.values);
      } else {
        row = mapRecord(rec.obj as Record<string, unknown>, opts.mapping);
      }
      if (typeof row === 'string') out.push(reject(source, rec.line, row, rec.raw));
      else out.push({ ok: true, row, source, line: rec.line });
    }
    if (out.length) yield out;
  }
}

/** Parses an export stream into mapped and rejected rows, one by one (a thin wrapper over `parseExportBatches`). */
export function parseExport(chunks: AsyncIterable<Uint8Array | string>, opts: ParseOptions): AsyncGenerator<ExportItem> {
  return flattenBatches(parseExportBatches(chunks, opts));
}

/** One item at a time from a stream of arrays (for callers that want rows, not chunks). */
export async function* flattenBatches<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** JSON lines: one object per line; a bad line is rejected on its own. */
class JsonLinesSplitter implements RecordSplitter {
  private buf = '';
  private line = 0;

  push(text: string): RawRecord[] {
    this.buf += text;
    const out: RawRecord[] = [];
    let pos = 0;
    let nl = this.buf.indexOf('\n');
    while (nl >= 0) {
      this.one(this.buf.slice(pos, nl), out);
      pos = nl + 1;
      nl = this.buf.indexOf('\n', pos);
    }
    this.buf = this.buf.slice(pos);
    return out;
  }

  end(): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.buf.trim()) this.one(this.buf, out);
    this.buf = '';
    return out;
  }

  private one(raw: string, out: RawRecord[]): void {
    const line = ++this.line;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return;
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch {
      out.push({ line, raw, error: 'not valid JSON' });
      return;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) out.push({ line, raw, error: 'not a JSON object' });
    else out.push({ line, raw, obj: obj as Record<string, unknown> });
  }
}

/**
 * A top-level JSON array, split into its elements while streaming (string and nesting aware), each element parsed
 * on its own: one bad element is rejected without losing the others. `line` is the element's 1-based index.
 */
class JsonArraySplitter implements RecordSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private ended = false;
  private current = '';
  private index = 0;

  push(chunk: string): RawRecord[] {
    const out: RawRecord[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (!this.started) {
        if (c === '[') {
          this.started = true;
          start = i + 1;
        }
        continue;
      }
      if (this.ended) continue;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        if (this.depth === 0 && c === ']') {
          this.current += chunk.slice(start, i);
          if (this.current.trim()) out.push(this.element(this.current.trim()));
          this.current = '';
          this.ended = true;
          continue;
        }
        this.depth--;
      } else if (c === ',' && this.depth === 0) {
        this.current += chunk.slice(start, i);
        out.push(this.element(this.current.trim()));
        this.current = '';
        start = i + 1;
      }
    }
    if (this.started && !this.ended) this.current += chunk.slice(start);
    return out;
  }

  end(): RawRecord[] {
    if (!this.ended && (this.current.trim() || this.started)) {
      return [{ line: this.index + 1, raw: this.current.slice(0, 500), error: 'JSON array not closed' }];
    }
    return [];
  }

  private element(raw: string): RawRecord {
    const line = ++this.index;
    try {
      const obj: unknown = JSON.parse(raw);
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line, raw, error: 'not a JSON object' };
      return { line, raw, obj: obj as Record<string, unknown> };
    } catch {
      return { line, raw, error: 'not valid JSON' };
    }
  }
}

function reject(source: string, line: number, reason: string, raw: string): { ok: false; rejected: RejectedRow } {
  return { ok: false, rejected: { source, line, reason, raw: clip(raw) } };
}
