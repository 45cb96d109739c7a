/**
 * `LinkedInSource` from files, for customers without partner API access (or any enrichment feed): export rows
 * from CSV / JSON-lines drops (streamed from disk), associations from an optional CSV / JSON-lines file.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CatalogueError } from '../domain/errors';
import type { ColumnMapping, FileSourceConfig } from './config';
import { flattenBatches, objectOf, readRecords, resolveColumns } from './exportRows';
import { parseExportInWorker } from './parseInWorker';
import type { AssociationBatch, ExportItem, ExportRequest, LinkedInSource, ProfileAssociation, RequestCounts, ValidationExport } from './source';

export class FileSource implements LinkedInSource {
  readonly kind = 'file' as const;
  private readonly columns: ColumnMapping;
  private readonly counts: RequestCounts = { total: 0, byKind: {} };
  private associations: Promise<Map<string, ProfileAssociation>> | null = null;

  constructor(private readonly cfg: FileSourceConfig) {
    this.columns = resolveColumns(cfg.columns);
  }

  requestCounts(): RequestCounts {
    return { total: this.counts.total, byKind: { ...this.counts.byKind } };
  }

  private count(kind: string): void {
    this.counts.total++;
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
  }

  async exportValidation(req: ExportRequest): Promise<ValidationExport> {
    const now = (this.cfg.now ?? Date.now)();
    const files = this.cfg.exportFiles;
    const columns = this.columns;
    const count = (k: string) => this.count(k);
    async function* batches(): AsyncGenerator<ExportItem[]> {
      for (const file of files) {
        count('file');
        yield* parseExportInWorker(openFile(file), { source: basename(file), mapping: columns });
      }
    }
    const items = () => flattenBatches(batches());
    return { jobId: `files:${files.length}`, exportStartAt: req.since, exportEndAt: now, nextCursor: now, fileCount: files.length, items, batches };
  }

  private loadAssociations(): Promise<Map<string, ProfileAssociation>> {
    if (!this.associations) {
      const file = this.cfg.associationsFile;
      this.associations = (async () => {
        const map = new Map<string, ProfileAssociation>();
        if (!file) return map;
        this.count('file');
        for await (const raw of readRecords(openFile(file))) {
          const rec = objectOf(raw);
          if (!rec) continue;
          const recordId = String(rec.recordId ?? rec.crmRecordId ?? '').trim();
          const member = String(rec.memberUrn ?? rec.member ?? '').trim();
          const profile = String(rec.profileUrl ?? rec.profile ?? '').trim();
          if (!recordId || !/^urn:li:(person|member):/.test(member) || !/^https?:\/\//.test(profile)) continue;
          const a: ProfileAssociation = { recordId, memberUrn: member, profileUrl: profile };
          const photo = String(rec.photoUrl ?? rec.profilePhoto ?? '').trim();
          if (photo) a.photoUrl = photo;
          map.set(recordId, a);
        }
        return map;
      })();
    }
    return this.associations;
  }

  async getAssociation(recordId: string): Promise<ProfileAssociation | null> {
    return (await this.loadAssociations()).get(recordId) ?? null;
  }

  async getAssociations(recordIds: readonly string[]): Promise<AssociationBatch> {
    const map = await this.loadAssociations();
    const out: AssociationBatch = { found: new Map(), notFound: [], failed: new Map() };
    for (const id of new Set(recordIds)) {
      const a = map.get(id);
      if (a) out.found.set(id, a);
      else out.notFound.push(id);
    }
    return out;
  }
}

async function* openFile(file: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
  } catch (err) {
    throw new CatalogueError('API_ERROR', `cannot read ${basename(file)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
