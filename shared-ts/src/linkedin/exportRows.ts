/**
 * Streams a Data Validation export file (CSV, JSON lines or a JSON array: the format is not documented, all are accepted)
 * into mapped rows or rejected rows with a reason. Chunks are parsed as they arrive; nothing holds the file.
 * The batch functions give the items of each chunk as one array (one async step per chunk, not per row).
 */
import { CatalogueError } from '../domain/errors';
import type { ColumnMapping } from './config';
import {
  CsvHeaderError,
  CsvRecordReader,
  crToLf,
  endsLinesWithCr,
  MAX_RECORD,
  type PlainLineReader,
  type RawRecord,
} from './exportCsv';
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
  for (const f of Object.keys(custom ?? {}) as (keyof ColumnMapping)[])
    out[f] = [...(custom?.[f] ?? []), ...DEFAULT_COLUMNS[f]];
  return out;
}

type Field = keyof ColumnMapping;

/**
 * Maps the keys of one object (CSV header or JSON object) to fields, first alias wins; case, spacing and punctuation
 * do not count ("Record ID" is `recordId`). Used for every file an admin gives (export and associations).
 */
export function findColumns<F extends string>(
  keys: readonly string[],
  mapping: Record<F, readonly string[]>,
): Partial<Record<F, string>> {
  const byNorm = new Map(keys.map((k) => [norm(k), k]));
  const out: Partial<Record<F, string>> = {};
  for (const field of Object.keys(mapping) as F[]) {
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

const keyIndex = (keys: string[], mapping: ColumnMapping) => findColumns<Field>(keys, mapping);

// Rows of one file share their keys: resolve the column mapping once per key set, not per row.
let lastKeys = '';
let lastMapping: ColumnMapping | null = null;
let lastIndex: Partial<Record<Field, string>> = {};
let lastTwice: Field[] = [];
function cachedIndex(obj: Record<string, unknown>, mapping: ColumnMapping): Partial<Record<Field, string>> {
  const keys = Object.keys(obj);
  const sig = keys.join('\u0000');
  if (sig !== lastKeys || mapping !== lastMapping) {
    lastKeys = sig;
    lastMapping = mapping;
    lastIndex = keyIndex(keys, mapping);
    lastTwice = namedTwice(keys, lastIndex);
  }
  return lastIndex;
}

/**
 * Our fields whose column has a twin of the same name up to case and spacing ("Status" and "status"): which one
 * holds the value is a guess, and no guess is made.
 */
function namedTwice(keys: readonly string[], idx: Partial<Record<Field, string>>): Field[] {
  return FIELDS.filter(
    (f) => idx[f] !== undefined && keys.filter((k) => norm(k) === norm(idx[f] as string)).length > 1,
  );
}

const twiceReason = (twice: Field[], idx: Partial<Record<Field, string>>) =>
  `column${twice.length > 1 ? 's' : ''} named more than once: ${twice.map((f) => JSON.stringify(clip40(idx[f]))).join(', ')}`;

// The shapes a value must have, matched where it stands in the line (sticky: from `lastIndex`, to the cell's end).
/** A CRM id as exports carry it: a letter or digit, then up to 63 letters, digits or hyphens (Salesforce, GUID). */
const ID_SHAPE = /[A-Za-z0-9][A-Za-z0-9-]{0,63}/y;
const PERSON_URN = /urn:li:(?:person|member):[A-Za-z0-9_-]+/y;
const COMPANY_URN = /urn:li:(?:company|organization):[A-Za-z0-9_-]+/y;

/** `text[start, end)` is exactly one match of the sticky `re`. */
function matchesAt(re: RegExp, text: string, start: number, end: number): boolean {
  re.lastIndex = start;
  return re.test(text) && re.lastIndex === end;
}

/** `text` holds `word` at `at` (no substring is cut to compare). */
function sameAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function recordTypeFrom(v: string): CrmRecordType | null | undefined {
  const t = v.toLowerCase();
  if (t === 'contact' || t === 'contacts') return 'contact';
  if (t === 'lead' || t === 'leads') return 'lead';
  return t ? null : undefined;
}

/** No type column (or an empty value): Salesforce id key prefixes are unambiguous. */
function recordTypeOfId(id: string): CrmRecordType | null {
  if (id.startsWith('003')) return 'contact';
  if (id.startsWith('00Q')) return 'lead';
  return null;
}

/** What the file must have: without these columns no row can be mapped (and no column has a default). */
const REQUIRED = ['recordId', 'status'] as const;

const FLAGGED = new Set(['notatcompany', 'nolongeratcompany', 'nolongerwithcompany', 'flagged', 'true', '1', 'yes']);
const CLEARED = new Set(['atcompany', 'cleared', 'nofeedback', 'false', '0', 'no', 'valid']);

function statusFrom(value: string): ValidationStatus | null {
  // No default: an empty status is no verdict, and a row without one changes nothing.
  if (value === '') return null;
  const v = norm(value);
  if (FLAGGED.has(v)) return 'NOT_AT_COMPANY';
  if (CLEARED.has(v)) return 'AT_COMPANY';
  return null;
}

/**
 * A column holds a handful of distinct spellings ("CONTACT", "NOT_AT_COMPANY"): each is normalised once and
 * the last one is remembered, so a run of equal values costs one in-place comparison per row.
 */
class Memo<T> {
  private lastIn: string | null = null;
  private lastOut!: T;
  private readonly seen = new Map<string, T>();
  constructor(private readonly fn: (value: string) => T) {}

  /** The value of `text[start, end)`. */
  at(text: string, start: number, end: number): T {
    const last = this.lastIn;
    if (last !== null && last.length === end - start && sameAt(text, start, last)) return this.lastOut;
    // Kept beyond this row: a copy of its own, not a slice of the download chunk.
    const value = detach(text.slice(start, end));
    let out = this.seen.get(value);
    if (out === undefined && !this.seen.has(value)) {
      out = this.fn(value);
      if (this.seen.size >= 256) this.seen.clear();
      this.seen.set(value, out);
    }
    this.lastIn = value;
    this.lastOut = out as T;
    return out as T;
  }
}

const recordTypes = new Memo(recordTypeFrom);
const statuses = new Memo(statusFrom);

/** Our fields in the order of the position arrays below. */
const FIELDS = [
  'recordId',
  'recordType',
  'status',
  'memberUrn',
  'crmAccountId',
  'currentCompanyName',
  'currentCompanyUrn',
  'flaggedAt',
] as const satisfies readonly Field[];
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

/**
 * One row's cells, read in place: per field of FIELDS, the text that holds it and its bounds (text undefined: the
 * file has no such column). A plain CSV line's cells all point into its download chunk, and a string is cut only
 * for a value the row keeps. One instance is reused for every row of a file.
 */
class Cells {
  readonly text: (string | undefined)[] = FIELDS.map(() => undefined);
  readonly start = new Int32Array(FIELDS.length);
  readonly end = new Int32Array(FIELDS.length);

  /** Cells from one value per column (JSON, quoted CSV). */
  fromValues(values: readonly (string | undefined)[], at: Positions): this {
    for (let f = 0; f < FIELDS.length; f++) {
      const v = at[f] < 0 ? undefined : values[at[f]];
      this.text[f] = v;
      this.start[f] = 0;
      this.end[f] = v === undefined ? 0 : v.length;
    }
    return this;
  }

  /** Trims every cell in place, as `String.prototype.trim` would (values arrive trimmed). */
  trim(): void {
    for (let f = 0; f < FIELDS.length; f++) {
      const t = this.text[f];
      if (t === undefined) continue;
      let s = this.start[f];
      let e = this.end[f];
      while (s < e && isTrimmed(t.charCodeAt(s))) s++;
      while (e > s && isTrimmed(t.charCodeAt(e - 1))) e--;
      this.start[f] = s;
      this.end[f] = e;
    }
  }

  /** The column exists and its value is not empty. */
  has(f: number): boolean {
    return this.text[f] !== undefined && this.end[f] > this.start[f];
  }

  /** The trimmed value; undefined when the file has no such column. */
  value(f: number): string | undefined {
    const t = this.text[f];
    return t === undefined ? undefined : t.slice(this.start[f], this.end[f]);
  }

  /** The trimmed value, undefined when absent or empty (optional fields). */
  optional(f: number): string | undefined {
    return this.has(f) ? this.value(f) : undefined;
  }

  /** The cell is one match of the sticky `shape`. */
  is(f: number, shape: RegExp): boolean {
    return matchesAt(shape, this.text[f] as string, this.start[f], this.end[f]);
  }

  /**
   * Epoch seconds (10 digits) or milliseconds (11-13), read in place, or any date `Date.parse` reads;
   * undefined when absent or empty, null when unreadable.
   */
  time(f: number): number | null | undefined {
    if (!this.has(f)) return undefined;
    const t = this.text[f] as string;
    const s = this.start[f];
    const e = this.end[f];
    if (e - s >= 10 && e - s <= 13) {
      let n = 0;
      let i = s;
      for (; i < e; i++) {
        const c = t.charCodeAt(i);
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      if (i === e) return e - s === 10 ? n * 1000 : n;
    }
    const ms = Date.parse(t.slice(s, e));
    return Number.isNaN(ms) ? null : ms;
  }
}

/** A value as a rejection reason shows it: at most 40 characters. */
export const clip40 = (v: string | undefined) => {
  const s = v ?? '';
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** `text[start, end)` holds only separators and white space. */
function allBlank(text: string, start: number, end: number, delimiter: string): boolean {
  for (let i = start; i < end; i++) if (!isTrimmed(text.charCodeAt(i)) && text[i] !== delimiter) return false;
  return true;
}

/** Maps one row's cells to a row, or gives the reason it cannot be mapped. */
function mapCells(c: Cells): ValidationRow | string {
  c.trim();
  if (!c.has(F_ID)) return 'no record id column or empty record id';
  if (!c.is(F_ID, ID_SHAPE)) return `record id "${clip40(c.value(F_ID))}" is not a CRM id`;
  const recordId = c.value(F_ID) as string;
  const typeText = c.text[F_TYPE];
  const typed = typeText === undefined ? undefined : recordTypes.at(typeText, c.start[F_TYPE], c.end[F_TYPE]);
  const recordType = typed !== undefined ? typed : recordTypeOfId(recordId);
  if (!recordType) return `record type "${clip40(c.value(F_TYPE))}" is neither contact nor lead`;
  const statusText = c.text[F_STATUS];
  if (statusText === undefined) return 'no status';
  const status = statuses.at(statusText, c.start[F_STATUS], c.end[F_STATUS]);
  if (!status) return c.has(F_STATUS) ? `unknown status "${clip40(c.value(F_STATUS))}"` : 'empty status';
  if (c.has(F_MEMBER) && !c.is(F_MEMBER, PERSON_URN))
    return `member "${clip40(c.value(F_MEMBER))}" is not a person URN`;
  if (c.has(F_ACCOUNT) && !c.is(F_ACCOUNT, ID_SHAPE))
    return `account id "${clip40(c.value(F_ACCOUNT))}" is not a CRM id`;
  if (c.has(F_COMPANY_URN) && !c.is(F_COMPANY_URN, COMPANY_URN))
    return `company "${clip40(c.value(F_COMPANY_URN))}" is not a company URN`;
  const flaggedAt = c.time(F_FLAGGED);
  if (flaggedAt === null) return `unreadable date "${clip40(c.value(F_FLAGGED))}"`;
  // Every row has the same shape (absent values are undefined): code reading millions of rows stays monomorphic.
  return {
    recordId,
    recordType,
    status,
    memberUrn: c.optional(F_MEMBER),
    crmAccountId: c.optional(F_ACCOUNT),
    currentCompanyName: c.optional(F_COMPANY),
    currentCompanyUrn: c.optional(F_COMPANY_URN),
    flaggedAt,
  };
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const IN_ORDER: Positions = FIELDS.map((_, i) => i);
const objectCells = new Cells();

/** Maps one object to a row, or gives the reason it cannot be mapped. */
export function mapRecord(obj: Record<string, unknown>, mapping: ColumnMapping): ValidationRow | string {
  const idx = cachedIndex(obj, mapping);
  if (lastTwice.length) return twiceReason(lastTwice, idx);
  const values = FIELDS.map((f) => (idx[f] === undefined ? undefined : str(obj[idx[f] as string])));
  return mapCells(objectCells.fromValues(values, IN_ORDER));
}

/** Column positions of our fields in one CSV header (-1 = absent), resolved once per file. */
export class CsvRowMapper {
  private readonly at: Positions;
  private readonly cells = new Cells();
  /** Where each column of the current line starts and ends. */
  private readonly colStart: Int32Array;
  private readonly colEnd: Int32Array;

  constructor(
    readonly header: string[],
    readonly mapping: ColumnMapping,
  ) {
    const idx = keyIndex(header, mapping);
    const missing = REQUIRED.filter((f) => idx[f] === undefined);
    if (missing.length)
      throw refusal(
        `required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')} (names read: ${missing.flatMap((f) => mapping[f]).join(', ')}); columns found: ${columnList(header)}`,
      );
    // Two columns of one name (up to case and spacing): which one holds the value is a guess, and no guess is made.
    const twice = namedTwice(header, idx);
    if (twice.length) throw refusal(`${twiceReason(twice, idx)}; columns found: ${columnList(header)}`);
    this.at = FIELDS.map((f) => (idx[f] === undefined ? -1 : header.indexOf(idx[f] as string)));
    this.colStart = new Int32Array(header.length);
    this.colEnd = new Int32Array(header.length);
  }

  /** Maps one CSV row (values in header order) without building an object keyed by header. */
  map(values: readonly string[]): ValidationRow | string {
    return mapCells(this.cells.fromValues(values, this.at));
  }

  /**
   * Maps a quote-free line in place (see PlainLineReader): its commas are found and its cells compared where they
   * are. Undefined when the line has not as many fields as the header: the generic reader reports it.
   */
  readLine(
    text: string,
    start: number,
    end: number,
    line: number,
    source: string,
    delimiter: string,
  ): ExportItem | undefined {
    const n = this.header.length;
    const cs = this.colStart;
    const ce = this.colEnd;
    let p = start;
    for (let k = 0; k < n; k++) {
      let comma = text.indexOf(delimiter, p);
      const last = comma < 0 || comma >= end;
      if (last !== (k === n - 1)) return undefined;
      if (last) comma = end;
      cs[k] = p;
      ce[k] = comma;
      p = comma + 1;
    }
    const c = this.cells;
    const at = this.at;
    for (let f = 0; f < FIELDS.length; f++) {
      const k = at[f];
      c.text[f] = k < 0 ? undefined : text;
      c.start[f] = k < 0 ? 0 : cs[k];
      c.end[f] = k < 0 ? 0 : ce[k];
    }
    const row = mapCells(c);
    // A row of empty cells (a blank spreadsheet row): the generic reader skips it.
    if (typeof row === 'string' && allBlank(text, start, end, delimiter)) return undefined;
    return typeof row === 'string'
      ? reject(source, line, row, text.slice(start, end))
      : { ok: true, row, source, line };
  }
}

export interface ParseOptions {
  /** Name shown in rejected rows (a file name or "download 2 of 3"; never a signed URL). */
  source: string;
  mapping: ColumnMapping;
  /** Items (mapped + rejected) to skip: used to resume a download that was cut off. */
  skipItems?: number;
  /** CSV separator; sniffed from the header (`,` `;` or tab) when not given. */
  delimiter?: string;
  /** Text encoding when the file is not UTF-8 (a WHATWG label, e.g. `windows-1252`, `utf-16le`); UTF-8 otherwise. */
  encoding?: string;
}

/** The file is not an export NavSync can read: refused as a whole, before any row is handed on. */
export function refusal(detail: string): CatalogueError {
  return new CatalogueError('EXPORT_REFUSED', detail);
}

/** Column names as a refusal lists them: each clipped, at most 20. */
export function columnList(header: readonly string[]): string {
  const names = header.slice(0, 20).map((h) => JSON.stringify(clip40(h)));
  return `${names.join(', ') || '(none)'}${header.length > 20 ? `, … ${header.length - 20} more` : ''}`;
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

const DECLARE = 'save it as UTF-8, or declare its encoding (linkedin.encoding, e.g. "windows-1252")';

/** Why bytes `from`–`to` of a file refuse it (they are not UTF-8), and what the admin can do. */
export const notUtf8Detail = (from: number, to: number) => `bytes ${from}–${to} are not valid UTF-8: ${DECLARE}`;

/**
 * Reads a chunk stream as text, decoded across chunk boundaries: UTF-8 (with or without a byte-order mark) unless
 * an encoding is declared. Anything else is refused, never read with replacement characters: a UTF-16 byte-order
 * mark or NUL bytes (UTF-16 without a mark), or bytes that are not UTF-8 (a Latin-1 or Windows-1252 file).
 */
export async function* textOf(chunks: AsyncIterable<Uint8Array | string>, encoding?: string): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  let offset = 0;
  let first = true;
  const declare = DECLARE;
  for await (const c of chunks) {
    if (typeof c === 'string') {
      if (c) yield c;
      continue;
    }
    if (first && c.length && c[0] === 0x50 && c[1] === 0x4b && c[2] === 3 && c[3] === 4) {
      throw refusal(
        'the file is a ZIP archive (an Excel .xlsx workbook?), not a CSV or JSON export: save it as "CSV UTF-8"',
      );
    }
    if (first && c.length && encoding === undefined) {
      if ((c[0] === 0xff && c[1] === 0xfe) || (c[0] === 0xfe && c[1] === 0xff))
        throw refusal(`the file is UTF-16 (byte-order mark), not UTF-8: ${declare}`);
      if (c.subarray(0, 4096).includes(0))
        throw refusal(`the file holds NUL bytes (UTF-16 or not text), not UTF-8: ${declare}`);
    }
    if (c.length) first = false;
    let s: string;
    try {
      s = decoder.decode(c, { stream: true });
    } catch {
      throw refusal(`bytes ${offset}–${offset + c.length} are not valid ${encoding ?? 'UTF-8'}: ${declare}`);
    }
    offset += c.length;
    if (s) yield s;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw refusal(`the file ends inside a ${encoding ?? 'UTF-8'} character: ${declare}`);
  }
  if (tail) yield tail;
}

function decoderFor(encoding: string | undefined) {
  try {
    return new TextDecoder(encoding ?? 'utf-8', { fatal: true });
  } catch {
    throw refusal(`unknown encoding "${clip40(encoding)}"`);
  }
}

/** How the record reader reads a file (see ParseOptions). */
export type ReadOptions = Pick<ParseOptions, 'delimiter' | 'encoding'>;

/** Splits text into records, chunk by chunk: each call gives the records completed by that text. */
interface RecordSplitter<T> {
  push(text: string): (RawRecord | T)[];
  end(): (RawRecord | T)[];
}

/**
 * Reads objects from a byte/string stream, one array per chunk; the format is chosen from the first non-blank
 * character: `{` = JSON lines, `[` = a JSON array of objects (streamed element by element), anything else = CSV.
 * With `plain`, quote-free CSV lines are given to it in place (see PlainLineReader) and its items come instead.
 */
export function readRecordBatches(
  chunks: AsyncIterable<Uint8Array | string>,
  plain?: undefined,
  read?: ReadOptions,
): AsyncGenerator<RawRecord[]>;
export function readRecordBatches<T>(
  chunks: AsyncIterable<Uint8Array | string>,
  plain: PlainLineReader<T>,
  read?: ReadOptions,
  onHeader?: (header: string[]) => void,
): AsyncGenerator<(RawRecord | T)[]>;
export async function* readRecordBatches<T>(
  chunks: AsyncIterable<Uint8Array | string>,
  plain?: PlainLineReader<T>,
  read: ReadOptions = {},
  onHeader?: (header: string[]) => void,
): AsyncGenerator<(RawRecord | T)[]> {
  let splitter: RecordSplitter<T> | null = null;
  let head = '';
  // Lines ended by CR alone are read as lines (decided once the file's first line end is seen).
  let crOnly: boolean | undefined;
  const start = (lead: string): RecordSplitter<T> =>
    lead === '{'
      ? new JsonLinesSplitter()
      : lead === '['
        ? new JsonArraySplitter()
        : new CsvRecordReader(plain, read.delimiter, onHeader);
  try {
    for await (const text of textOf(chunks, read.encoding)) {
      if (!splitter) {
        head += text;
        const lead = head.replace(/^\uFEFF/, '').trimStart()[0];
        if (lead === undefined) {
          if (head.length > MAX_RECORD) head = '';
          continue;
        }
        crOnly = endsLinesWithCr(head);
        if (crOnly === undefined && head.length <= MAX_RECORD) continue;
        splitter = start(lead);
        const out = splitter.push(crOnly ? crToLf(head) : head);
        head = '';
        if (out.length) yield out;
        continue;
      }
      const out = splitter.push(crOnly ? crToLf(text) : text);
      if (out.length) yield out;
    }
    if (!splitter) {
      const lead = head.replace(/^\uFEFF/, '').trimStart()[0];
      if (lead === undefined) return;
      crOnly = endsLinesWithCr(head);
      splitter = start(lead);
      const out = splitter.push(crOnly ? crToLf(head) : head);
      if (out.length) yield out;
    }
    const out = splitter.end();
    if (out.length) yield out;
  } catch (err) {
    if (err instanceof CsvHeaderError) throw refusal(err.message);
    throw err;
  }
}

/** Reads objects one by one (a thin wrapper over `readRecordBatches`). */
export async function* readRecords(
  chunks: AsyncIterable<Uint8Array | string>,
  read: ReadOptions = {},
): AsyncGenerator<RawRecord> {
  for await (const batch of readRecordBatches(chunks, undefined, read)) yield* batch;
}

/**
 * Checks the start of an export file (its first chunk, decoded) before anything is read from it: a CSV header
 * without the required columns is refused here, so a run refuses a bad file before it changes anything.
 */
export function checkExportHead(text: string, opts: Pick<ParseOptions, 'mapping' | 'delimiter'>): void {
  const body = text.replace(/^\uFEFF/, '');
  const lead = body.trimStart()[0];
  if (lead === undefined || lead === '{' || lead === '[') return;
  const reader = new CsvRecordReader<never>(
    undefined,
    opts.delimiter,
    (header) => new CsvRowMapper(header, opts.mapping),
  );
  try {
    reader.push(endsLinesWithCr(body) ? crToLf(body) : body);
    reader.push('\n');
    reader.end();
  } catch (err) {
    if (err instanceof CsvHeaderError) throw refusal(err.message);
    throw err;
  }
}

/** Parses an export stream into mapped and rejected rows, one array per chunk read. */
export async function* parseExportBatches(
  chunks: AsyncIterable<Uint8Array | string>,
  opts: ParseOptions,
): AsyncGenerator<ExportItem[]> {
  let skip = opts.skipItems ?? 0;
  const source = opts.source;
  // CSV rows share one header array: the column positions are resolved once per header.
  let mapper: CsvRowMapper | null = null;
  const mapperOf = (header: string[]) => {
    if (!mapper || mapper.header !== header) mapper = new CsvRowMapper(header, opts.mapping);
    return mapper;
  };
  const plain: PlainLineReader<ExportItem> = (text, start, end, line, header, delimiter) =>
    mapperOf(header).readLine(text, start, end, line, source, delimiter);
  // The header is checked when it is read: a file without the required columns is refused before its rows.
  for await (const batch of readRecordBatches(chunks, plain, opts, mapperOf)) {
    const out: ExportItem[] = [];
    for (let i = 0; i < batch.length; i++) {
      const rec = batch[i];
      if (skip > 0) {
        skip--;
        continue;
      }
      if ('ok' in rec) {
        out.push(rec);
        continue;
      }
      if (rec.error !== undefined || !(rec.obj || rec.values)) {
        out.push(reject(source, rec.line, rec.error ?? 'unreadable', rec.raw));
        continue;
      }
      const row =
        rec.values && rec.header
          ? mapperOf(rec.header).map(rec.values)
          : mapRecord(rec.obj as Record<string, unknown>, opts.mapping);
      if (typeof row === 'string') out.push(reject(source, rec.line, row, rec.raw));
      else out.push({ ok: true, row, source, line: rec.line });
    }
    if (out.length) yield out;
  }
}

/** Parses an export stream into mapped and rejected rows, one by one (a thin wrapper over `parseExportBatches`). */
export function parseExport(
  chunks: AsyncIterable<Uint8Array | string>,
  opts: ParseOptions,
): AsyncGenerator<ExportItem> {
  return flattenBatches(parseExportBatches(chunks, opts));
}

/** One item at a time from a stream of arrays (for callers that want rows, not chunks). */
export async function* flattenBatches<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** JSON lines: one object per line; a bad line is rejected on its own. */
class JsonLinesSplitter implements RecordSplitter<never> {
  /** The unfinished line, in pieces (joined once its newline comes); dropped past MAX_RECORD. */
  private tail: string[] = [];
  private tailLength = 0;
  private skipping = false;
  private line = 0;

  push(text: string): RawRecord[] {
    const out: RawRecord[] = [];
    let pos = 0;
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      if (this.skipping) this.skipping = false;
      else {
        const raw = this.tail.length ? this.tail.join('') + text.slice(pos, nl) : text.slice(pos, nl);
        if (raw.length > MAX_RECORD) this.tooLong(raw, out);
        else this.one(raw, out);
      }
      this.tail = [];
      this.tailLength = 0;
      pos = nl + 1;
      nl = text.indexOf('\n', pos);
    }
    if (pos < text.length && !this.skipping) {
      this.tail.push(text.slice(pos));
      this.tailLength += text.length - pos;
      if (this.tailLength > MAX_RECORD) {
        this.tooLong(this.tail.join(''), out);
        this.tail = [];
        this.tailLength = 0;
        this.skipping = true;
      }
    }
    return out;
  }

  end(): RawRecord[] {
    const out: RawRecord[] = [];
    const rest = this.tail.join('');
    if (!this.skipping && rest.trim()) this.one(rest, out);
    this.tail = [];
    return out;
  }

  private tooLong(raw: string, out: RawRecord[]): void {
    out.push({ line: ++this.line, raw: raw.slice(0, 500), error: `line longer than ${MAX_RECORD} characters` });
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
class JsonArraySplitter implements RecordSplitter<never> {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private ended = false;
  private current = '';
  /** The current element passed MAX_RECORD: its text is dropped, the element is rejected when it ends. */
  private tooLong = false;
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
          this.take(chunk, start, i);
          if (this.current.trim() || this.tooLong) out.push(this.element(this.current.trim()));
          this.current = '';
          this.ended = true;
          continue;
        }
        this.depth--;
      } else if (c === ',' && this.depth === 0) {
        this.take(chunk, start, i);
        out.push(this.element(this.current.trim()));
        this.current = '';
        start = i + 1;
      }
    }
    if (this.started && !this.ended) this.take(chunk, start, chunk.length);
    return out;
  }

  private take(chunk: string, start: number, end: number): void {
    if (this.tooLong) return;
    this.current += chunk.slice(start, end);
    if (this.current.length > MAX_RECORD) {
      this.tooLong = true;
      this.current = this.current.slice(0, 500);
    }
  }

  end(): RawRecord[] {
    if (!this.ended && (this.current.trim() || this.started)) {
      return [{ line: this.index + 1, raw: this.current.slice(0, 500), error: 'JSON array not closed' }];
    }
    return [];
  }

  private element(raw: string): RawRecord {
    const line = ++this.index;
    if (this.tooLong) {
      this.tooLong = false;
      return { line, raw, error: `element longer than ${MAX_RECORD} characters` };
    }
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
