/**
 * Streaming CSV reader for export files, fed text chunk by chunk, giving the records of each chunk as one array.
 * Lines without a quote character are split on commas directly (what any RFC 4180 parser yields for them, and
 * several times faster than a general parser); records with quotes are collected until their quotes balance
 * (they may span lines and chunks) and all the quoted records completed in one chunk go through ONE csv-parse
 * call. Line numbers are 1-based, the header is line 1. Memory: the current chunk plus one open quoted record.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';

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

/**
 * Caps that keep one bad record from growing memory or swallowing the file: a line (or a quoted record) longer
 * than MAX_RECORD characters, or a quoted record spanning more than MAX_RECORD_LINES lines, is rejected with its
 * line number and the reader goes on after it (the lines a quote swallowed are read again).
 */
export const MAX_RECORD = 64 * 1024;
export const MAX_RECORD_LINES = 32;

/** The separators a header is sniffed for (European spreadsheet programs write `;`). */
const DELIMITERS = [',', ';', '\t'] as const;

const QUOTED_OPTIONS = { relax_column_count: true, record_delimiter: '\n' } as const;

const QUOTE_NOT_CLOSED = 'unreadable CSV: quote not closed';

/** Excel's first line naming the separator (`sep=;`, quoted or padded with separators when saved again). */
const SEP_LINE = /^"?sep=([^"])"?[,;\t]*$/i;

/** A record read from the text whose fields are split later (it holds quotes, or the header is not known yet). */
interface Pending {
  /** Where its finished record goes in the chunk's output. */
  at: number;
  line: number;
  raw: string;
  fields: string[] | null;
  error?: string;
}

/**
 * Reads a quote-free line in place, once the header is known: `text[start, end)` (line end, CR and a BOM left out).
 * Gives the caller's item for it, or undefined to have it read the generic way (split into a RawRecord). It saves
 * the line, field and record objects a million-row export would otherwise allocate.
 */
export type PlainLineReader<T> = (
  text: string,
  start: number,
  end: number,
  line: number,
  header: string[],
  delimiter: string,
) => T | undefined;

/** The separator of a header line: the one of `,` `;` tab found most often outside quotes (`,` on a tie). */
export function sniffDelimiter(line: string): string {
  const n = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(c as (typeof DELIMITERS)[number]);
      if (k >= 0) n[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < n.length; k++) if (n[k] > n[best]) best = k;
  return DELIMITERS[best];
}

/**
 * Whether a file ends its lines with CR alone (classic Mac Excel "CSV (Macintosh)"), decided from its first line
 * end: then every CR is read as a line end. Undefined while the text has no line end yet, or ends in a CR.
 */
export function endsLinesWithCr(text: string): boolean | undefined {
  const i = text.search(/[\r\n]/);
  if (i < 0 || (text[i] === '\r' && i + 1 >= text.length)) return undefined;
  return text[i] === '\r' && text[i + 1] !== '\n';
}

/** Text of a CR-only file with LF line ends. */
export const crToLf = (text: string) => text.replace(/\r/g, '\n');

export class CsvRecordReader<T = never> {
  constructor(
    private readonly plain?: PlainLineReader<T>,
    /** The separator; sniffed from the header line when not given. */
    private delimiter?: string,
    /** Told the header as soon as it is read (it may refuse the file by throwing). */
    private readonly onHeader?: (header: string[]) => void,
  ) {}

  private header: string[] | null = null;
  /** A non-blank line was read (the header may still wait in the chunk being read). */
  private started = false;
  /** Text with at least one complete line, being read. */
  private buf = '';
  /** The start of a line whose end has not come yet, in pieces (joined once, when its newline arrives). */
  private tail: string[] = [];
  private tailLength = 0;
  /** The rest of an over-long line is dropped up to its newline. */
  private skipping = false;
  private line = 0;
  /** A quoted record still open (its quotes do not balance yet), its first line and how many lines it swallowed. */
  private open = '';
  private openLine = 0;
  private openLines = 0;
  private openQuotes = 0;
  /** Where the line after the open record's first one starts in `buf` (-1: it began in an earlier chunk). */
  private openRestAt = -1;
  /** The open record's last line ended in CR: inside quotes a CRLF is part of the value. */
  private openCr = false;

  /** Reads every complete record of `text` (appended to what is left from earlier chunks). */
  push(text: string): (RawRecord | T)[] {
    const out: (RawRecord | T)[] = [];
    if (this.skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) return out;
      this.skipping = false;
      text = text.slice(nl + 1);
    }
    // Text without a line end is only kept (in pieces: no copy of the unfinished line per chunk).
    if (text.indexOf('\n') < 0) {
      if (text) this.tail.push(text);
      this.tailLength += text.length;
      if (this.tailLength > MAX_RECORD) this.overlong(out);
      return out;
    }
    this.buf = this.tail.length ? this.tail.join('') + text : text;
    this.tail = [];
    this.tailLength = 0;
    const recs = this.records(false);
    if (this.tailLength > MAX_RECORD) this.overlong(recs);
    return recs;
  }

  /** The records left when the stream ends (a last line without newline, an unclosed quote). */
  end(): (RawRecord | T)[] {
    if (this.skipping) this.tail = [];
    this.buf = this.tail.join('');
    this.tail = [];
    this.tailLength = 0;
    return this.records(true);
  }

  /** The unfinished line is over the cap: it is rejected (an open quote before it too) and dropped to its newline. */
  private overlong(out: (RawRecord | T)[]): void {
    if (!this.header) throw new CsvHeaderError(`the header line is longer than ${MAX_RECORD} characters`);
    const head = this.tail.join('').slice(0, 500);
    if (this.open) {
      // The open record is not a record: reject it and read the lines it swallowed again, then the long line.
      const rest = this.abandonOpen(out);
      this.buf = rest === null ? '' : `${rest}\n`;
      out.push(...this.records(false));
    }
    this.tail = [];
    this.tailLength = 0;
    this.skipping = true;
    out.push({ line: ++this.line, raw: head, error: `unreadable CSV: line longer than ${MAX_RECORD} characters` });
  }

  /**
   * Rejects the open record at its first line; gives the lines it swallowed (to read again), null when they are
   * still in `buf` from `openRestAt` on.
   */
  private abandonOpen(out: (RawRecord | T)[]): string | null {
    out.push({ line: this.openLine, raw: this.open.slice(0, 500), error: QUOTE_NOT_CLOSED });
    this.line = this.openLine;
    const nl = this.open.indexOf('\n');
    const rest = this.openRestAt >= 0 ? null : nl < 0 ? '' : this.open.slice(nl + 1);
    this.open = '';
    this.openLines = 0;
    this.openQuotes = 0;
    return rest;
  }

  private records(final: boolean): (RawRecord | T)[] {
    // Plain lines of a file whose header is known become records at once; the others wait in `later`.
    const out: (RawRecord | T)[] = [];
    const later: Pending[] = [];
    const quoted: Pending[] = [];
    let buf = this.buf;
    let pos = 0;
    // Where the next quote character is (-1: none left): a line before it has no quotes, found without scanning it.
    let quoteAt = buf.indexOf('"');
    for (;;) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !(final && pos < buf.length)) {
        if (final && this.open) {
          // The file ended inside quotes: the record is rejected and the lines it swallowed are read again.
          const rest = this.abandonOpen(out);
          if (rest !== null) {
            buf = rest;
            pos = 0;
          } else pos = this.openRestAt;
          this.openRestAt = -1;
          quoteAt = buf.indexOf('"', pos);
          continue;
        }
        break;
      }
      const end = nl >= 0 ? nl : buf.length;
      if (quoteAt >= 0 && quoteAt < pos) quoteAt = buf.indexOf('"', pos);
      const hasQuote = quoteAt >= 0 && quoteAt < end;
      let s = pos;
      let e = end;
      pos = end + 1;
      this.line++;
      const cr = e > s && buf.charCodeAt(e - 1) === 13;
      if (cr) e--;
      // A byte-order mark before the header is not part of its first name (nor an opening quote's neighbour).
      if (this.line === 1 && s < e && buf.charCodeAt(s) === 0xfeff) s++;
      if (!this.started && !this.open && !isBlankAt(buf, s, e)) {
        this.started = true;
        const sep = SEP_LINE.exec(buf.slice(s, e).trim());
        if (sep) {
          // Not the header: it says the separator (an explicit delimiter still wins).
          if (this.delimiter === undefined) this.delimiter = sep[1];
          continue;
        }
      }
      if (!hasQuote && !this.open && this.header && this.plain) {
        if (isBlankAt(buf, s, e)) continue;
        if (e - s <= MAX_RECORD) {
          const item = this.plain(buf, s, e, this.line, this.header, this.delimiter as string);
          if (item !== undefined) {
            out.push(item);
            continue;
          }
        }
      }
      if (e - s > MAX_RECORD && !this.open) {
        if (!this.header) throw new CsvHeaderError(`the header line is longer than ${MAX_RECORD} characters`);
        out.push({
          line: this.line,
          raw: buf.slice(s, s + 500),
          error: `unreadable CSV: line longer than ${MAX_RECORD} characters`,
        });
        continue;
      }
      const l = buf.slice(s, e);
      if (this.open) {
        this.open += `${this.openCr ? '\r\n' : '\n'}${l}`;
        this.openCr = cr;
        this.openLines++;
        this.openQuotes += countQuotes(l);
        if (this.openQuotes % 2 === 0) {
          const p = this.wait(out, later, this.openLine, this.open, null);
          quoted.push(p);
          this.open = '';
          this.openRestAt = -1;
        } else if (this.open.length > MAX_RECORD || this.openLines >= MAX_RECORD_LINES) {
          // Not one record: a quote that never closes. Read the swallowed lines again, from where they are.
          const restAt = this.openRestAt;
          const rest = this.abandonOpen(out);
          if (rest !== null) {
            buf = `${rest}\n${buf.slice(Math.min(pos, buf.length))}`;
            pos = 0;
          } else pos = restAt;
          this.openRestAt = -1;
          quoteAt = buf.indexOf('"', pos);
        }
      } else if (!hasQuote) {
        if (isBlankAt(l, 0, l.length)) continue;
        if (!this.header && this.delimiter === undefined) this.delimiter = sniffDelimiter(l);
        const fields = l.split(this.delimiter as string);
        if (this.header) {
          const rec = this.checked(this.line, l, fields);
          if (rec) out.push(rec);
        } else this.wait(out, later, this.line, l, fields);
      } else {
        if (!this.header && this.delimiter === undefined) this.delimiter = sniffDelimiter(l);
        const q = countQuotes(l);
        if (q % 2 === 0) quoted.push(this.wait(out, later, this.line, l, null));
        else {
          this.open = l;
          this.openCr = cr;
          this.openLine = this.line;
          this.openLines = 0;
          this.openQuotes = q;
          this.openRestAt = nl >= 0 ? pos : -1;
        }
      }
    }
    const rest = pos >= buf.length ? '' : buf.slice(pos);
    this.buf = '';
    if (rest) {
      this.tail = [rest];
      this.tailLength = rest.length;
    }
    // Positions in this text mean nothing in the next one.
    this.openRestAt = -1;
    if (quoted.length) splitQuoted(quoted, this.delimiter ?? ',');
    let removed = 0;
    for (const p of later) {
      const rec = this.finish(p);
      if (rec) out[p.at - removed] = rec;
      else out.splice(p.at - removed++, 1);
    }
    return out;
  }

  /** Keeps a place in the output for a record finished after the chunk's quoted records are split. */
  private wait(out: (RawRecord | T)[], later: Pending[], line: number, raw: string, fields: string[] | null): Pending {
    const p: Pending = { at: out.length, line, raw, fields };
    out.push(PLACEHOLDER);
    later.push(p);
    return p;
  }

  /** Header first (null: nothing to hand on), then rows checked against its field count. */
  private finish(p: Pending): RawRecord | null {
    if (p.error !== undefined || !p.fields) {
      if (!this.header) throw new CsvHeaderError(`the header line cannot be read (${p.error ?? 'unreadable CSV'})`);
      return { line: p.line, raw: p.raw, error: p.error ?? 'unreadable CSV' };
    }
    if (!this.header) {
      const header = p.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      // Spreadsheets save empty columns after the table as trailing separators: they are not columns.
      while (header.length > 1 && header[header.length - 1].trim() === '') header.pop();
      this.header = header;
      this.onHeader?.(this.header);
      return null;
    }
    return this.checked(p.line, p.raw, p.fields);
  }

  /** A row checked against the header's field count; null for a row of empty cells (a blank spreadsheet row). */
  private checked(line: number, raw: string, fields: string[]): RawRecord | null {
    const header = this.header as string[];
    if (fields.every(isBlank)) return null;
    // Empty cells past the header's columns are what a spreadsheet saves for a blank column: not a shift.
    if (fields.length > header.length && fields.slice(header.length).every(isBlank))
      fields = fields.slice(0, header.length);
    if (fields.length !== header.length) {
      return { line, raw, error: `unreadable CSV: ${fields.length} fields where the header has ${header.length}` };
    }
    return { line, raw, values: fields, header };
  }
}

/** The file has no readable header: it is not a table this reader can map (the caller refuses the file). */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvHeaderError';
  }
}

const PLACEHOLDER: RawRecord = { line: 0, raw: '' };

const isBlank = (field: string) => field.trim() === '';

/** `text.slice(start, end).trim() === ''` without slicing: a line that starts with a printable ASCII character is not blank. */
function isBlankAt(text: string, start: number, end: number): boolean {
  const c = start < end ? text.charCodeAt(start) : 32;
  if (c > 32 && c < 127) return false;
  return text.slice(start, end).trim() === '';
}

/**
 * Fields of quote-balanced records: one csv-parse call for all of them (each is one line of the joined text,
 * embedded newlines inside quotes included). If that call fails or does not give one record each, every record
 * is parsed on its own so only the bad one is rejected, with csv-parse's reason.
 */
function splitQuoted(quoted: Pending[], delimiter: string): void {
  const options = { ...QUOTED_OPTIONS, delimiter };
  if (quoted.length > 1) {
    try {
      const rows = parseCsvSync(quoted.map((p) => p.raw).join('\n'), options) as string[][];
      if (rows.length === quoted.length) {
        for (let i = 0; i < rows.length; i++) quoted[i].fields = rows[i];
        return;
      }
    } catch {
      // fall through: find the bad record(s) one by one
    }
  }
  for (const p of quoted) {
    try {
      const rows = parseCsvSync(p.raw, options) as string[][];
      if (rows.length === 1) p.fields = rows[0];
      else p.error = 'unreadable CSV: not one record';
    } catch (err) {
      // csv-parse quotes the field it stopped at: the reason shows only the start of it.
      p.error = `unreadable CSV: ${clipReason((err as Error).message)}`;
    }
  }
}

/** A reason from csv-parse, its quoted value cut to 40 characters. */
function clipReason(message: string): string {
  const m = message.replace(
    /value is "([^]*)"$/,
    (_, v: string) => `value is "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`,
  );
  return m.length > 160 ? `${m.slice(0, 160)}…` : m;
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}
