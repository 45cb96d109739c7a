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

/** A record with quotes may span lines; past this size an unbalanced quote is reported and the reader moves on. */
export const MAX_QUOTED_RECORD = 64 * 1024;

const QUOTED_OPTIONS = { relax_column_count: true, record_delimiter: '\n' } as const;

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
export type PlainLineReader<T> = (text: string, start: number, end: number, line: number, header: string[]) => T | undefined;

export class CsvRecordReader<T = never> {
  constructor(private readonly plain?: PlainLineReader<T>) {}

  private header: string[] | null = null;
  private buf = '';
  private line = 0;
  /** A quoted record still open (its quotes do not balance yet), its first line and how many lines it swallowed. */
  private open = '';
  private openLine = 0;
  private openLines = 0;
  /** The open record's last line ended in CR: inside quotes a CRLF is part of the value. */
  private openCr = false;

  /** Reads every complete record of `text` (appended to what is left from earlier chunks). */
  push(text: string): (RawRecord | T)[] {
    this.buf += text;
    return this.records(false);
  }

  /** The records left when the stream ends (a last line without newline, an unclosed quote). */
  end(): (RawRecord | T)[] {
    const out = this.records(true);
    if (this.open) {
      out.push({ line: this.openLine, raw: this.open.slice(0, 500), error: 'unreadable CSV: quote not closed' });
      this.open = '';
    }
    return out;
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
      if (nl < 0 && !(final && pos < buf.length)) break;
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
      if (!hasQuote && !this.open && this.header && this.plain) {
        if (isBlankAt(buf, s, e)) continue;
        const item = this.plain(buf, s, e, this.line, this.header);
        if (item !== undefined) {
          out.push(item);
          continue;
        }
      }
      const l = buf.slice(s, e);
      if (this.open) {
        this.open += `${this.openCr ? '\r\n' : '\n'}${l}`;
        this.openCr = cr;
        this.openLines++;
        if (countQuotes(this.open) % 2 === 0) {
          const p = this.wait(out, later, this.openLine, this.open, null);
          quoted.push(p);
          this.open = '';
        } else if (this.open.length > MAX_QUOTED_RECORD) {
          this.wait(out, later, this.openLine, this.open.slice(0, 500), null).error = 'unreadable CSV: quote not closed';
          // Re-read the swallowed lines after the bad one.
          const rest = this.open.split('\n').slice(1).join('\n');
          this.open = '';
          this.line -= this.openLines;
          buf = `${rest}\n${buf.slice(Math.min(pos, buf.length))}`;
          pos = 0;
          quoteAt = buf.indexOf('"');
        }
      } else if (!hasQuote) {
        if (isBlankAt(l, 0, l.length)) continue;
        const fields = l.split(',');
        if (this.header) out.push(this.checked(this.line, l, fields));
        else this.wait(out, later, this.line, l, fields);
      } else if (countQuotes(l) % 2 === 0) {
        quoted.push(this.wait(out, later, this.line, l, null));
      } else {
        this.open = l;
        this.openCr = cr;
        this.openLine = this.line;
        this.openLines = 0;
      }
    }
    this.buf = pos >= buf.length ? '' : buf.slice(pos);
    if (quoted.length) splitQuoted(quoted);
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
    if (p.error !== undefined || !p.fields) return { line: p.line, raw: p.raw, error: p.error ?? 'unreadable CSV' };
    if (!this.header) {
      this.header = p.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f));
      return null;
    }
    return this.checked(p.line, p.raw, p.fields);
  }

  private checked(line: number, raw: string, fields: string[]): RawRecord {
    const header = this.header as string[];
    if (fields.length !== header.length) {
      return { line, raw, error: `unreadable CSV: ${fields.length} fields where the header has ${header.length}` };
    }
    return { line, raw, values: fields, header };
  }
}

const PLACEHOLDER: RawRecord = { line: 0, raw: '' };

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
function splitQuoted(quoted: Pending[]): void {
  if (quoted.length > 1) {
    try {
      const rows = parseCsvSync(quoted.map((p) => p.raw).join('\n'), QUOTED_OPTIONS) as string[][];
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
      const rows = parseCsvSync(p.raw, QUOTED_OPTIONS) as string[][];
      if (rows.length === 1) p.fields = rows[0];
      else p.error = 'unreadable CSV: not one record';
    } catch (err) {
      p.error = `unreadable CSV: ${(err as Error).message}`;
    }
  }
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}
