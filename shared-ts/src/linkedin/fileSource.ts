/**
 * `LinkedInSource` from files, for customers without partner API access (or any enrichment feed): export rows
 * from CSV / JSON-lines drops (streamed from disk), associations from an optional CSV / JSON-lines file.
 * Every export file is opened and its start checked before any row is handed on: a missing or unreadable file,
 * one that is not UTF-8 (unless its encoding is declared) or a CSV without the required columns refuses the
 * export as a whole, before anything changes.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CatalogueError } from '../domain/errors';
import { canonicalRecordId } from '../domain/recordId';
import type { LinkedInMember } from '../domain/matching/personKeys';
import type { ColumnMapping, FileSourceConfig } from './config';
import {
  checkExportHead,
  clip40,
  columnList,
  DEFAULT_COLUMNS,
  findColumns,
  notUtf8Detail,
  flattenBatches,
  objectOf,
  readRecordBatches,
  refusal,
  resolveColumns,
  textOf,
} from './exportRows';
import { parseExportInWorker } from './parseInWorker';
import type {
  AssociationBatch,
  ExportItem,
  ExportRequest,
  LinkedInSource,
  ProfileAssociation,
  RequestCounts,
  ValidationExport,
} from './source';

/** Bytes of a file's start checked before the export is read. */
const HEAD_BYTES = 64 * 1024;

/** The associations file's columns, in any spelling (see findColumns); the first three are required. */
const ASSOCIATION_COLUMNS = {
  recordId: DEFAULT_COLUMNS.recordId,
  memberUrn: DEFAULT_COLUMNS.memberUrn,
  profileUrl: ['profileUrl', 'profile', 'salesNavigatorUrl', 'linkedInUrl'],
  photoUrl: ['photoUrl', 'profilePhoto', 'photo'],
  firstName: ['firstName'],
  lastName: ['lastName'],
  email: ['email'],
  phone: ['phone'],
  companyName: ['companyName', 'company'],
  title: ['title'],
};
type AssociationColumn = keyof typeof ASSOCIATION_COLUMNS;
const ASSOCIATION_REQUIRED = ['recordId', 'memberUrn', 'profileUrl'] as const;

export class FileSource implements LinkedInSource {
  readonly kind = 'file' as const;
  /** Without an associations file the source knows nothing of associations (and nothing is cleared for it). */
  readonly providesAssociations: boolean;
  private readonly columns: ColumnMapping;
  private readonly counts: RequestCounts = { total: 0, byKind: {} };
  private associations: Promise<Associations> | null = null;

  constructor(private readonly cfg: FileSourceConfig) {
    this.columns = resolveColumns(cfg.columns);
    this.providesAssociations = !!cfg.associationsFile;
  }

  requestCounts(): RequestCounts {
    return { total: this.counts.total, byKind: { ...this.counts.byKind } };
  }

  private count(kind: string): void {
    this.counts.total++;
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
  }

  async exportValidation(req: ExportRequest): Promise<ValidationExport> {
    const now = req.now ?? (this.cfg.now ?? Date.now)();
    const files = this.cfg.exportFiles;
    const { delimiter, encoding } = this.cfg;
    const columns = this.columns;
    for (const file of files) await checkFile(file, { mapping: columns, delimiter, encoding });
    const count = (k: string) => this.count(k);
    async function* batches(): AsyncGenerator<ExportItem[]> {
      for (const file of files) {
        count('file');
        yield* parseExportInWorker(openFile(file), { source: basename(file), mapping: columns, delimiter, encoding });
      }
    }
    const items = () => flattenBatches(batches());
    return {
      jobId: `files:${files.length}`,
      exportStartAt: req.since,
      exportEndAt: now,
      nextCursor: now,
      fileCount: files.length,
      items,
      batches,
    };
  }

  /**
   * The associations file, read once: its rows by record id, and the records whose row could not be read (no
   * information about them: their links are kept, never cleared as "no match"). A file whose columns are not those
   * of an associations file is refused whole, before any link changes.
   */
  private loadAssociations(): Promise<Associations> {
    if (!this.associations) {
      const file = this.cfg.associationsFile;
      this.associations = (async () => {
        const out: Associations = { found: new Map(), unreadable: new Map() };
        if (!file) return out;
        this.count('file');
        let read = false;
        const checkHeader = (header: string[]) => {
          read = true;
          requireAssociationColumns(file, header);
        };
        const records = readRecordBatches<never>(
          openFile(file),
          () => undefined,
          { delimiter: this.cfg.delimiter, encoding: this.cfg.encoding },
          checkHeader,
        );
        for await (const batch of records) {
          for (const raw of batch) {
            read = true;
            const rec = objectOf(raw);
            if (!rec) continue;
            const col = findColumns(Object.keys(rec), ASSOCIATION_COLUMNS);
            if (!raw.header) requireAssociationColumns(file, Object.keys(rec));
            const text = (f: AssociationColumn) => {
              const v = col[f] === undefined ? undefined : rec[col[f] as string];
              return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
            };
            // Keyed as the CRM gives the id back (a report's 15-character Salesforce id names an 18-character one).
            const given = text('recordId');
            if (!given) continue;
            const recordId = canonicalRecordId(given);
            const member = text('memberUrn');
            const profile = text('profileUrl');
            const bad = !member
              ? 'no member URN'
              : !/^urn:li:(person|member):/.test(member)
                ? `member "${clip40(member)}" is not a person URN`
                : !profile
                  ? 'no profile URL'
                  : null;
            if (bad || !member || !profile) {
              out.unreadable.set(recordId, `${basename(file)} line ${raw.line}: ${bad}`);
              continue;
            }
            // The row stands on its record and member; the engine decides which profile and photo URLs are stored.
            const a: ProfileAssociation = { recordId, memberUrn: member, profileUrl: profile };
            const photo = text('photoUrl');
            if (photo) a.photoUrl = photo;
            const profileOf = memberOf(text);
            if (profileOf) a.member = profileOf;
            out.found.set(recordId, a);
            out.unreadable.delete(recordId);
          }
        }
        if (!read) throw refusal(`${basename(file)}: the associations file is empty`);
        return out;
      })();
    }
    return this.associations;
  }

  async getAssociation(recordId: string): Promise<ProfileAssociation | null> {
    return (await this.loadAssociations()).found.get(recordId) ?? null;
  }

  async getAssociations(recordIds: readonly string[]): Promise<AssociationBatch> {
    const { found, unreadable } = await this.loadAssociations();
    const out: AssociationBatch = { found: new Map(), notFound: [], failed: new Map() };
    for (const id of new Set(recordIds)) {
      const a = found.get(id);
      const bad = unreadable.get(id);
      if (a) out.found.set(id, a);
      else if (bad !== undefined) out.failed.set(id, { status: 422, message: bad });
      else out.notFound.push(id);
    }
    return out;
  }
}

interface Associations {
  found: Map<string, ProfileAssociation>;
  /** Record id → why its row could not be read (with the line). */
  unreadable: Map<string, string>;
}

/** An associations file (its CSV header, or a JSON line's keys) has the columns every row needs. */
function requireAssociationColumns(file: string, keys: string[]): void {
  const col = findColumns(keys, ASSOCIATION_COLUMNS);
  const missing = ASSOCIATION_REQUIRED.filter((f) => col[f] === undefined);
  if (!missing.length) return;
  throw refusal(
    `${basename(file)}: not an associations file, column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}; columns found: ${columnList(keys)}`,
  );
}

/** The member's profile columns of an associations line (firstName, lastName, email, phone, companyName, title). */
function memberOf(text: (f: AssociationColumn) => string | null): LinkedInMember | undefined {
  const firstName = text('firstName');
  const lastName = text('lastName');
  if (firstName === null && lastName === null) return undefined;
  const companyName = text('companyName');
  const title = text('title');
  const positions = companyName !== null || title !== null ? [{ companyName, title, current: true }] : [];
  return { firstName, lastName, email: text('email'), phone: text('phone'), positions };
}

function unreadable(file: string, err: unknown): CatalogueError {
  return new CatalogueError(
    'FILE_UNREADABLE',
    `cannot read ${basename(file)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
  );
}

/** Opens the file and checks its start: readable, its encoding, a CSV header with the required columns. */
async function checkFile(
  file: string,
  opts: { mapping: ColumnMapping; delimiter?: string; encoding?: string },
): Promise<void> {
  let head: Uint8Array;
  try {
    const handle = await open(file, 'r');
    try {
      const buf = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  const decoded: string[] = [];
  const gen = textOf(oneChunk(head.length < HEAD_BYTES ? head : trimToLine(head, opts.encoding)), opts.encoding);
  try {
    for await (const s of gen) decoded.push(s);
  } catch (err) {
    if (err instanceof CatalogueError) throw new CatalogueError(err.kind, `${basename(file)}: ${err.detail}`);
    throw err;
  }
  if (head.length === HEAD_BYTES && (opts.encoding === undefined || /^utf-?8$/i.test(opts.encoding))) {
    await checkUtf8(file);
  }
  try {
    checkExportHead(decoded.join(''), opts);
  } catch (err) {
    if (err instanceof CatalogueError) throw new CatalogueError(err.kind, `${basename(file)}: ${err.detail}`);
    throw err;
  }
}

/**
 * The whole file is UTF-8: a byte that is not, deep in a file (past its checked start), refuses the file before any
 * row is handed on, rather than after earlier rows were applied. One pass of the native validator, no decoding.
 */
async function checkUtf8(file: string): Promise<void> {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes: Uint8Array = carry.length ? Buffer.concat([carry, chunk as Uint8Array]) : (chunk as Uint8Array);
      const cut = lastCharStart(bytes);
      if (!isUtf8(bytes.subarray(0, cut))) throw notUtf8(file, offset, offset + cut);
      carry = bytes.slice(cut);
      offset += cut;
    }
  } catch (err) {
    if (err instanceof CatalogueError) throw err;
    throw unreadable(file, err);
  }
  if (carry.length) throw notUtf8(file, offset, offset + carry.length);
}

/** Where an unfinished UTF-8 sequence at the end of `bytes` starts (its length when the last character is whole). */
function lastCharStart(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  while (i >= 0 && bytes.length - i <= 3 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0 || bytes[i] < 0xc0) return bytes.length;
  const need = bytes[i] >= 0xf0 ? 4 : bytes[i] >= 0xe0 ? 3 : 2;
  return bytes.length - i < need ? i : bytes.length;
}

function notUtf8(file: string, from: number, to: number): CatalogueError {
  return refusal(`${basename(file)}: ${notUtf8Detail(from, to)}`);
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** A full first chunk cut after its last line end (so no character is cut in two; UTF-16: after its last unit). */
function trimToLine(bytes: Uint8Array, encoding: string | undefined): Uint8Array {
  if (encoding && /^utf-?16/i.test(encoding)) return bytes.subarray(0, bytes.length - 4);
  // A line ends in LF, or in CR alone (files saved by classic Mac spreadsheet programs).
  const nl = Math.max(bytes.lastIndexOf(10), bytes.lastIndexOf(13));
  return nl < 0 ? bytes : bytes.subarray(0, nl + 1);
}

async function* openFile(file: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
  } catch (err) {
    throw unreadable(file, err);
  }
}
