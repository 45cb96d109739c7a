import { DEMO_LANGUAGES, HOSTILE_COMPANIES, HOSTILE_PEOPLE, POOLS, slug, type DemoLanguage } from './names';
import { Random } from './random';
import type { ActivityKind } from '../domain/writeback/kinds';

/**
 * The demo world, CRM-neutral: records have neutral keys (A0001 account, C0001 contact, L0001 lead, O0001
 * opportunity, U0001 user); `crmId()` turns a key into a Salesforce id or a Dataverse GUID. Deterministic for
 * a (seed, baseTime) pair, so the demo, the fault suite and the benchmarks see the same world every run.
 */
export interface DemoUser {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: DemoLanguage;
  role: string;
  seatHolder: boolean;
  /** The items this seat holder opted out of writing back (the seat record's opt-out). */
  writeBackOptOut: ActivityKind[];
}

export interface DemoAccount {
  key: string;
  name: string;
  website: string;
  phone: string;
  city: string;
  postalCode: string;
  country: string;
  industry: string;
  employees: number;
  language: DemoLanguage;
  ownerKey: string;
}

export type NotAtCompanyValue = 'Not at Company' | 'Ignore' | null;

export interface DemoPerson {
  key: string;
  type: 'contact' | 'lead';
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  /** Contacts: their account. Leads have only a company name. */
  accountKey?: string;
  company: string;
  ownerKey: string;
  language: DemoLanguage;
  /** The CRM's state before the demo run: a rep's Ignore, an old flag, or no feedback. */
  notAtCompany: NotAtCompanyValue;
  /** Association already in the CRM before the run (undefined = never associated). */
  association?: { memberUrn: string; source: 'Sync' | 'Manual'; syncedAt: number };
}

export interface DemoMember {
  urn: string;
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  title: string;
  profileUrl: string;
  photoUrl?: string;
  /** The CRM record LinkedIn's high-confidence match associates with this member. */
  personKey?: string;
}

export const DEMO_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
] as const;

export interface DemoOpportunity {
  key: string;
  name: string;
  accountKey: string;
  ownerKey: string;
  stage: (typeof DEMO_STAGES)[number];
  isClosed: boolean;
  isWon: boolean;
  amount: number;
  closeDate: string;
  contactKeys: string[];
}

export type DemoActivityKind = 'inmail' | 'message' | 'note' | 'call';

/** One line of the write-back inbox (JSON lines). */
export interface DemoActivity {
  id: string;
  kind: DemoActivityKind;
  seatHolder: string;
  memberUrn: string;
  name: string;
  email?: string;
  company?: string;
  time: string;
  subject: string;
  body: string;
  /** Calls are logged in the mobile app; the rest on the desktop. */
  channel: 'desktop' | 'mobile';
  optOut: boolean;
  /** What the demo expects: the person it should resolve to, or none (unmatched). Not part of the inbox line. */
  expectedPersonKey?: string;
}

/** A data-validation export row as LinkedIn reports it: a CRM record whose LinkedIn company differs. */
export interface DemoExportRow {
  recordKey?: string;
  /** Set instead of recordKey for rows that must be rejected: an id the CRM does not know, or a broken row. */
  rawRecordId?: string;
  recordType: 'CONTACT' | 'LEAD';
  /** NOT_AT_COMPANY: flagged; AT_COMPANY: LinkedIn no longer flags it (back to no feedback). */
  status: 'NOT_AT_COMPANY' | 'AT_COMPANY';
  crmCompany: string;
  linkedinCompany: string;
  flaggedAt: number;
  defect?: 'unknown-id' | 'bad-id' | 'duplicate' | 'missing-id' | 'bad-type' | 'bad-time';
}

export interface DemoData {
  seed: number;
  baseTime: number;
  users: DemoUser[];
  accounts: DemoAccount[];
  people: DemoPerson[];
  opportunities: DemoOpportunity[];
  members: DemoMember[];
  inbox: DemoActivity[];
  exportRows: DemoExportRow[];
}

export interface DemoOptions {
  seed?: number;
  /** "Now" of the demo world (epoch ms): timestamps are placed relative to it. */
  baseTime?: number;
  accounts?: number;
  peoplePerAccount?: number;
  leads?: number;
  users?: number;
}

const DAY = 86_400_000;
export const DEMO_SEED = 20261122;
export const DEMO_BASE_TIME = Date.UTC(2026, 10, 20, 6, 0, 0);

const INDUSTRIES = ['Manufacturing', 'Retail', 'Banking', 'Technology', 'Food & Beverage', 'Logistics', 'Energy'];
const KINDS: readonly DemoActivityKind[] = ['inmail', 'message', 'note', 'call'];

const pad = (n: number) => String(n).padStart(4, '0');

export function generateDemoData(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEMO_SEED;
  const baseTime = options.baseTime ?? DEMO_BASE_TIME;
  const rnd = new Random(seed);
  const accountCount = options.accounts ?? 120;
  const perAccount = options.peoplePerAccount ?? 7;
  const leadCount = options.leads ?? 260;
  const userCount = options.users ?? 8;

  const users: DemoUser[] = [];
  for (let i = 1; i <= userCount; i++) {
    const language = DEMO_LANGUAGES[(i - 1) % DEMO_LANGUAGES.length];
    const pool = POOLS[language];
    const firstName = pool.first[(i * 3) % pool.first.length];
    const lastName = pool.last[(i * 5) % pool.last.length];
    users.push({
      key: `U${pad(i)}`,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}@seller.example`,
      locale: language,
      role: i <= 2 ? 'Sales Manager' : 'Account Executive',
      // The last user has no Sales Navigator seat: their records are out of scope.
      seatHolder: i < userCount,
      // One rep opts out of InMails and messages (per item, as the seat record stores it).
      writeBackOptOut: i === 2 ? ['inmail', 'message'] : [],
    });
  }
  const seatHolders = users.filter((u) => u.seatHolder);

  const accounts: DemoAccount[] = [];
  for (let i = 1; i <= accountCount; i++) {
    const language = DEMO_LANGUAGES[i % DEMO_LANGUAGES.length];
    const pool = POOLS[language];
    const hostile = i % 20 === 0 ? HOSTILE_COMPANIES[(i / 20 - 1) % HOSTILE_COMPANIES.length] : undefined;
    const stem = pool.companyStems[rnd.int(0, pool.companyStems.length - 1)];
    const name =
      hostile ?? `${stem} ${pool.cities[i % pool.cities.length]} ${pool.legalForms[i % pool.legalForms.length]}`;
    const domain = `${slug(hostile ? `hostile-${i}` : `${stem}-${i}`)}.${pool.tld}`;
    accounts.push({
      key: `A${pad(i)}`,
      name,
      website: `https://www.${domain}`,
      phone: `+${30 + (i % 20)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`,
      city: pool.cities[i % pool.cities.length],
      postalCode: String(rnd.int(10000, 99999)),
      country: pool.country,
      industry: rnd.pick(INDUSTRIES),
      employees: rnd.int(5, 20000),
      language,
      ownerKey: users[(i - 1) % users.length].key,
    });
  }

  const people: DemoPerson[] = [];
  const members: DemoMember[] = [];
  let hostileIx = 0;
  const makePerson = (
    type: 'contact' | 'lead',
    n: number,
    language: DemoLanguage,
    company: string,
    ownerKey: string,
    accountKey?: string,
  ) => {
    const pool = POOLS[language];
    let firstName = rnd.pick(pool.first);
    let lastName = rnd.pick(pool.last);
    // Every 47th person carries an injection-looking name (all five appear even in small worlds).
    if ((people.length + 1) % 47 === 0) {
      const h = HOSTILE_PEOPLE[hostileIx++ % HOSTILE_PEOPLE.length];
      firstName = h.first;
      lastName = h.last;
    }
    const key = `${type === 'contact' ? 'C' : 'L'}${pad(n)}`;
    const domain = accountKey
      ? accounts[parseInt(accountKey.slice(1), 10) - 1].website.replace('https://www.', '')
      : `${slug(company) || 'company'}.example`;
    const person: DemoPerson = {
      key,
      type,
      firstName,
      lastName,
      email: `${slug(firstName) || 'x'}.${slug(lastName) || 'y'}.${n}@${domain}`,
      phone: `+${31 + (n % 9)} ${rnd.int(100, 999)} ${rnd.int(100000, 999999)}`,
      title: rnd.pick(pool.titles),
      company,
      ownerKey,
      language,
      notAtCompany: null,
      ...(accountKey ? { accountKey } : {}),
    };
    people.push(person);
    // Four in five people have a LinkedIn member that LinkedIn matched with high confidence.
    if (rnd.chance(0.8)) {
      const urn = `urn:li:person:${rnd.hex(4)}${key}`;
      const withPhoto = rnd.chance(0.7);
      members.push({
        urn,
        firstName,
        lastName,
        email: person.email,
        company,
        title: person.title,
        profileUrl: `https://www.linkedin.com/sales/profile/ACwAA${key},NAME_SEARCH`,
        ...(withPhoto ? { photoUrl: `https://media.licdn.com/dms/image/${key}/profile` } : {}),
        personKey: key,
      });
      // Some records were associated on an earlier run: stale ones (older than 24 h) get refreshed, fresh ones
      // not; hand-made matches (Manual) are never overwritten.
      const r = rnd.next();
      if (r < 0.25) person.association = { memberUrn: urn, source: 'Sync', syncedAt: baseTime - rnd.int(2, 20) * DAY };
      else if (r < 0.35)
        person.association = { memberUrn: urn, source: 'Sync', syncedAt: baseTime - rnd.int(1, 20) * 3_600_000 };
      else if (r < 0.4)
        person.association = {
          memberUrn: `urn:li:person:manual${key}`,
          source: 'Manual',
          syncedAt: baseTime - 30 * DAY,
        };
    }
    return person;
  };

  let contactN = 0;
  for (const account of accounts) {
    const count = perAccount - 2 + rnd.int(0, 4);
    for (let j = 0; j < count; j++) {
      contactN++;
      makePerson('contact', contactN, account.language, account.name, account.ownerKey, account.key);
    }
  }
  for (let n = 1; n <= leadCount; n++) {
    const language = DEMO_LANGUAGES[n % DEMO_LANGUAGES.length];
    const pool = POOLS[language];
    const company =
      n % 53 === 0
        ? HOSTILE_COMPANIES[(n / 53) % HOSTILE_COMPANIES.length]
        : `${rnd.pick(pool.companyStems)} ${pool.legalForms[n % pool.legalForms.length]}`;
    makePerson('lead', n, language, company, users[n % users.length].key);
  }

  const contactsByAccount = new Map<string, DemoPerson[]>();
  for (const p of people) {
    if (p.accountKey) contactsByAccount.set(p.accountKey, [...(contactsByAccount.get(p.accountKey) ?? []), p]);
  }

  const opportunities: DemoOpportunity[] = [];
  let oppN = 0;
  for (const account of accounts) {
    const count = rnd.int(1, 3);
    for (let j = 0; j < count; j++) {
      oppN++;
      const stage = rnd.pick(DEMO_STAGES);
      const isClosed = stage.startsWith('Closed');
      const contacts = contactsByAccount.get(account.key) ?? [];
      const roles = contacts.filter(() => rnd.chance(0.4)).slice(0, 4);
      if (roles.length === 0 && contacts.length) roles.push(contacts[0]);
      opportunities.push({
        key: `O${pad(oppN)}`,
        name: `${account.name} – ${['Renewal', 'Expansion', 'New Business', 'Pilot'][j % 4]}`,
        accountKey: account.key,
        ownerKey: rnd.chance(0.8) ? account.ownerKey : rnd.pick(users).key,
        stage,
        isClosed,
        isWon: stage === 'Closed Won',
        amount: rnd.int(5, 500) * 1000,
        closeDate: new Date(baseTime + rnd.int(-120, 180) * DAY).toISOString().slice(0, 10),
        contactKeys: roles.map((c) => c.key),
      });
    }
  }

  // Data validation: ~12% of people changed company on LinkedIn. Some of them already carry the rep's Ignore
  // (must stay Ignore), some were flagged on an earlier run and are no longer flagged (back to no feedback).
  const exportRows: DemoExportRow[] = [];
  const peopleByKey = new Map(people.map((p) => [p.key, p]));
  for (const p of people) {
    const r = rnd.next();
    if (r < 0.12) {
      exportRows.push({
        recordKey: p.key,
        recordType: p.type === 'contact' ? 'CONTACT' : 'LEAD',
        status: 'NOT_AT_COMPANY',
        crmCompany: p.company,
        linkedinCompany: `${rnd.pick(POOLS[p.language].companyStems)} ${rnd.pick(POOLS[p.language].legalForms)}`,
        flaggedAt: baseTime - rnd.int(1, 700) * DAY,
      });
      if (rnd.chance(0.15)) p.notAtCompany = 'Ignore';
    } else if (r < 0.14) {
      p.notAtCompany = 'Not at Company'; // flagged on an earlier run; LinkedIn now reports the person back at it
      exportRows.push({
        recordKey: p.key,
        recordType: p.type === 'contact' ? 'CONTACT' : 'LEAD',
        status: 'AT_COMPANY',
        crmCompany: p.company,
        linkedinCompany: p.company,
        flaggedAt: baseTime - rnd.int(1, 30) * DAY,
      });
    }
  }
  // Bad rows: reported with a reason and skipped, never stop the run.
  const sample = exportRows.filter((r) => r.status === 'NOT_AT_COMPANY').slice(0, 5);
  for (const row of sample) exportRows.push({ ...row, defect: 'duplicate' });
  for (let i = 0; i < 4; i++) {
    // Well-formed ids of records the CRM does not have (deleted since LinkedIn's last sync).
    exportRows.push({
      recordKey: `C${9000 + i}`,
      recordType: 'CONTACT',
      status: 'NOT_AT_COMPANY',
      crmCompany: 'Ghost Ltd',
      linkedinCompany: 'Elsewhere Inc.',
      flaggedAt: baseTime - DAY,
      defect: 'unknown-id',
    });
  }
  exportRows.push({
    rawRecordId: 'not-a-crm-id',
    recordType: 'CONTACT',
    status: 'NOT_AT_COMPANY',
    crmCompany: 'x',
    linkedinCompany: 'y',
    flaggedAt: baseTime - DAY,
    defect: 'bad-id',
  });
  exportRows.push({
    rawRecordId: '',
    recordType: 'CONTACT',
    status: 'NOT_AT_COMPANY',
    crmCompany: 'x',
    linkedinCompany: 'y',
    flaggedAt: baseTime - DAY,
    defect: 'missing-id',
  });
  exportRows.push({
    recordKey: sample[0]?.recordKey,
    recordType: 'ACCOUNT' as 'CONTACT',
    status: 'NOT_AT_COMPANY',
    crmCompany: 'x',
    linkedinCompany: 'y',
    flaggedAt: baseTime - DAY,
    defect: 'bad-type',
  });
  exportRows.push({
    recordKey: sample[1]?.recordKey,
    recordType: 'CONTACT',
    status: 'NOT_AT_COMPANY',
    crmCompany: 'x',
    linkedinCompany: 'y',
    flaggedAt: NaN,
    defect: 'bad-time',
  });

  // Write-back inbox: every kind, from every seat holder; ~20% from members the CRM does not know (unresolved).
  const inbox: DemoActivity[] = [];
  const knownMembers = members.filter(
    (m) => m.personKey && !peopleByKey.get(m.personKey)?.association?.source.startsWith('M'),
  );
  for (let i = 1; i <= 240; i++) {
    const kind = KINDS[i % KINDS.length];
    const holder = seatHolders[i % seatHolders.length];
    const unmatched = i % 5 === 0;
    const time = new Date(baseTime - rnd.int(1, 72) * 3_600_000).toISOString();
    if (unmatched) {
      const language = DEMO_LANGUAGES[i % DEMO_LANGUAGES.length];
      const pool = POOLS[language];
      const first = rnd.pick(pool.first);
      const last = rnd.pick(pool.last);
      inbox.push({
        id: `act-${pad(i)}`,
        kind,
        seatHolder: holder.email,
        memberUrn: `urn:li:person:new${pad(i)}`,
        name: `${first} ${last}`,
        email: `${slug(first)}.${slug(last)}.${i}@prospect.example`,
        company: `${rnd.pick(pool.companyStems)} ${rnd.pick(pool.legalForms)}`,
        time,
        subject: subjectFor(kind, first),
        body: `Hallo ${first}, merci for your time — grazie!`,
        channel: kind === 'call' ? 'mobile' : 'desktop',
        optOut: false,
      });
      continue;
    }
    const m = knownMembers[rnd.int(0, knownMembers.length - 1)];
    inbox.push({
      id: `act-${pad(i)}`,
      kind,
      seatHolder: holder.email,
      // Every 7th comes from a member LinkedIn has not associated with the record: resolved by matching.
      memberUrn: i % 7 === 0 ? `urn:li:person:other${pad(i)}` : m.urn,
      name: `${m.firstName} ${m.lastName}`,
      email: m.email,
      company: m.company,
      time,
      subject: subjectFor(kind, m.firstName),
      body: `Following up on our conversation, ${m.firstName}.`,
      channel: kind === 'call' ? 'mobile' : 'desktop',
      optOut: i % 37 === 0,
      expectedPersonKey: m.personKey,
    });
  }

  return { seed, baseTime, users, accounts, people, opportunities, members, inbox, exportRows };
}

function subjectFor(kind: DemoActivityKind, first: string): string {
  switch (kind) {
    case 'inmail':
      return `InMail: introduction for ${first}`;
    case 'message':
      return `Message: follow-up with ${first}`;
    case 'note':
      return `Note about ${first}`;
    default:
      return `Call with ${first}`;
  }
}

/** The inbox as the JSON-lines file the write-back step reads (the expectation field is not part of it). */
export function inboxJsonLines(inbox: readonly DemoActivity[]): string {
  return (
    inbox
      .map((a) => {
        const { expectedPersonKey: _expected, ...line } = a;
        return JSON.stringify(line);
      })
      .join('\n') + '\n'
  );
}
