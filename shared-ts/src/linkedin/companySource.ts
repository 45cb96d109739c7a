/**
 * LinkedIn company pages for account matching. The Sync Services APIs document no company data (only Data
 * Validation exports and Profile Associations), so the pages come from a configured file: CSV, JSON lines or a
 * JSON array with the company URN and what LinkedIn shows of the company (name, website, phone, headquarters,
 * staff count range, industry). A line without a LinkedIn company URN is reported and skipped.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CatalogueError } from '../domain/errors';
import { linkedInCompanyId } from '../domain/matching/company';
import type { LinkedInCompany } from '../domain/matching/accounts';
import { objectOf, readRecords } from './exportRows';
import type { RejectedRow } from './source';

/** A LinkedIn company page with its URN (urn:li:organization:N, as stored on the account). */
export interface LinkedInCompanyPage extends LinkedInCompany {
  urn: string;
}

export interface CompanyPages {
  companies: LinkedInCompanyPage[];
  rejected: RejectedRow[];
}

export interface CompanySource {
  /** Every company page the source holds (read once per run). */
  read(): Promise<CompanyPages>;
}

export interface CompanyFileConfig {
  file: string;
  /** CSV separator; sniffed from the header when not given. */
  delimiter?: string;
  /** A file that is not UTF-8 is refused unless its encoding is declared here. */
  encoding?: string;
}

/** Accepted names per field (first present wins). */
const FIELDS: Record<keyof LinkedInCompanyPage | 'street' | 'postalCode' | 'city' | 'state', string[]> = {
  urn: ['urn', 'companyUrn', 'organizationUrn', 'company_urn'],
  id: ['id'],
  name: ['name', 'companyName', 'localizedName'],
  website: ['website', 'websiteUrl', 'localizedWebsite'],
  phone: ['phone', 'phoneNumber'],
  headquarters: [],
  street: ['street', 'line1', 'headquartersStreet'],
  postalCode: ['postalCode', 'zip', 'headquartersPostalCode'],
  city: ['city', 'headquartersCity'],
  state: ['state', 'geographicArea', 'headquartersState'],
  staffCountRange: ['staffCountRange', 'staffCount', 'employees'],
  industry: ['industry', 'industries'],
};

function pick(rec: Record<string, unknown>, names: readonly string[]): string | null {
  for (const n of names) {
    const v = rec[n];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}

/** One company page from a file record; a reason when it cannot be one. */
export function companyPageOf(rec: Record<string, unknown>): LinkedInCompanyPage | string {
  const urn = pick(rec, FIELDS.urn);
  if (linkedInCompanyId(urn) === null) return 'no LinkedIn company URN (urn:li:organization:N)';
  return {
    urn: urn as string,
    id: urn as string,
    name: pick(rec, FIELDS.name),
    website: pick(rec, FIELDS.website),
    phone: pick(rec, FIELDS.phone),
    headquarters: {
      street: pick(rec, FIELDS.street),
      postalCode: pick(rec, FIELDS.postalCode),
      city: pick(rec, FIELDS.city),
      state: pick(rec, FIELDS.state),
    },
    staffCountRange: pick(rec, FIELDS.staffCountRange),
    industry: pick(rec, FIELDS.industry),
  };
}

export class CompanyFileSource implements CompanySource {
  constructor(private readonly cfg: CompanyFileConfig) {}

  async read(): Promise<CompanyPages> {
    const source = basename(this.cfg.file);
    const out: CompanyPages = { companies: [], rejected: [] };
    for await (const raw of readRecords(openFile(this.cfg.file), {
      delimiter: this.cfg.delimiter,
      encoding: this.cfg.encoding,
    })) {
      const rec = raw.error ? undefined : objectOf(raw);
      const page = rec ? companyPageOf(rec) : (raw.error ?? 'not a record');
      if (typeof page === 'string')
        out.rejected.push({ source, line: raw.line, reason: page, raw: raw.raw.slice(0, 500) });
      else out.companies.push(page);
    }
    return out;
  }
}

async function* openFile(file: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
  } catch (err) {
    throw new CatalogueError(
      'FILE_UNREADABLE',
      `cannot read ${basename(file)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
}
