import { DV } from '@navsync/shared-ts';

/** The NavSync facts of the contact or lead the control sits on. */
export interface PersonRecord {
  entity: string;
  id: string;
  fullName: string;
  memberUrn: string | null;
  profileUrl: string | null;
  photoUrl: string | null;
  matchSource: number | null;
  syncedAt: string | null;
  /** null when the column does not exist yet (data validation off) or on leads. */
  notAtCompany: number | null;
  accountName: string | null;
  /** The sync's per-criterion score of the match as stored on the record (the core's stored-score text), or null. */
  matchScore: string | null;
}

/** An account: the company card. */
export interface CompanyRecord {
  entity: 'account';
  id: string;
  name: string;
  companyUrn: string | null;
}

/** An opportunity: the people on it (its contact and the contacts of its account). */
export interface DealRecord {
  entity: 'opportunity';
  id: string;
  name: string;
  people: PersonRecord[];
}

/** The forms the control sits on: people (contact, lead), companies (account), deals (opportunity). */
export type RecordKind = 'person' | 'company' | 'deal';

export function kindOf(entity: string): RecordKind {
  return entity === 'account' ? 'company' : entity === 'opportunity' ? 'deal' : 'person';
}

/** People listed on an opportunity, at most. */
export const MAX_PEOPLE = 10;

export interface AccountRef {
  id: string;
  name: string;
}

/** Data access of the control, behind an interface so the view model is tested without the PCF runtime. */
export interface ProfileService {
  load(entity: string, id: string): Promise<PersonRecord>;
  loadCompany(id: string): Promise<CompanyRecord>;
  loadDeal(id: string): Promise<DealRecord>;
  update(entity: string, id: string, changes: Record<string, unknown>): Promise<void>;
  pickAccount(): Promise<AccountRef | null>;
}

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** The company lookup of each person table. */
export const ACCOUNT_LOOKUP: Record<string, { value: string; bind: string }> = {
  contact: { value: '_parentcustomerid_value', bind: 'parentcustomerid_account@odata.bind' },
  lead: { value: '_parentaccountid_value', bind: 'parentaccountid@odata.bind' },
};

type Row = Record<string, unknown>;

function str(row: Row, key: string): string | null {
  const v = row[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

function num(row: Row, key: string): number | null {
  const v = row[key];
  return typeof v === 'number' ? v : null;
}

export function personFromRow(entity: string, id: string, row: Row): PersonRecord {
  const p = DV.person;
  const lookup = ACCOUNT_LOOKUP[entity];
  return {
    entity,
    id,
    fullName: str(row, 'fullname') ?? '',
    memberUrn: str(row, p.memberUrn),
    profileUrl: str(row, p.profileUrl),
    photoUrl: str(row, p.photoUrl),
    matchSource: num(row, p.matchSource),
    syncedAt: str(row, p.syncedAt),
    notAtCompany: num(row, p.notAtCompany),
    accountName: lookup ? str(row, lookup.value + FORMATTED) : null,
    matchScore: str(row, p.matchScore),
  };
}

/** `context.webAPI` + `context.utils`: what the platform gives a PCF control for data. */
export class WebApiProfileService implements ProfileService {
  private readonly webAPI: ComponentFramework.WebApi;
  private readonly utils: ComponentFramework.Utility;

  constructor(webAPI: ComponentFramework.WebApi, utils: ComponentFramework.Utility) {
    this.webAPI = webAPI;
    this.utils = utils;
  }

  async load(entity: string, id: string): Promise<PersonRecord> {
    const p = DV.person;
    const base = ['fullname', p.memberUrn, p.profileUrl, p.photoUrl, p.matchSource, p.syncedAt, p.matchScore];
    const lookup = ACCOUNT_LOOKUP[entity];
    if (lookup) base.push(lookup.value);
    // navsync_notatcompany exists on contacts only after data validation was turned on: ask for it, and ask
    // again without it when the table does not have it yet.
    if (entity === 'contact') {
      try {
        const row = await this.webAPI.retrieveRecord(entity, id, `?$select=${[...base, p.notAtCompany].join(',')}`);
        return personFromRow(entity, id, row);
      } catch (err) {
        if (!/notatcompany/i.test(String((err as { message?: string })?.message ?? err))) throw err;
      }
    }
    const row = await this.webAPI.retrieveRecord(entity, id, `?$select=${base.join(',')}`);
    return personFromRow(entity, id, row);
  }

  async loadCompany(id: string): Promise<CompanyRecord> {
    const row = await this.webAPI.retrieveRecord('account', id, `?$select=name,${DV.account.companyUrn}`);
    return { entity: 'account', id, name: str(row, 'name') ?? '', companyUrn: str(row, DV.account.companyUrn) };
  }

  async loadDeal(id: string): Promise<DealRecord> {
    const deal = await this.webAPI.retrieveRecord(
      'opportunity',
      id,
      '?$select=name,_parentcontactid_value,_parentaccountid_value',
    );
    const contactId = str(deal, '_parentcontactid_value');
    const accountId = str(deal, '_parentaccountid_value');
    const p = DV.person;
    const select = ['contactid', 'fullname', p.memberUrn, p.profileUrl, p.photoUrl, p.matchSource, p.syncedAt].join(
      ',',
    );
    const who = [
      contactId ? `contactid eq ${contactId}` : '',
      accountId ? `_parentcustomerid_value eq ${accountId}` : '',
    ]
      .filter(Boolean)
      .join(' or ');
    const rows = who
      ? (
          await this.webAPI.retrieveMultipleRecords(
            'contact',
            `?$select=${select}&$filter=${who}&$orderby=fullname`,
            MAX_PEOPLE,
          )
        ).entities
      : [];
    // The opportunity's own contact first, then the account's people.
    const people = rows
      .map((row) => personFromRow('contact', String(row.contactid), row))
      .sort((a, b) => Number(b.id === contactId) - Number(a.id === contactId));
    return { entity: 'opportunity', id, name: str(deal, 'name') ?? '', people };
  }

  async update(entity: string, id: string, changes: Record<string, unknown>): Promise<void> {
    await this.webAPI.updateRecord(entity, id, changes);
  }

  async pickAccount(): Promise<AccountRef | null> {
    const picked = await this.utils.lookupObjects({
      entityTypes: ['account'],
      defaultEntityType: 'account',
      allowMultiSelect: false,
    });
    const first = picked?.[0];
    return first ? { id: first.id.replace(/[{}]/g, ''), name: first.name ?? '' } : null;
  }
}
