import fc from 'fast-check';
import {
  PERSON_CRITERIA,
  prepareMember,
  preparePerson,
  quickPersonTotal,
  scorePerson,
  scorePersonKeys,
  type CrmPerson,
  type LinkedInMember,
} from '../../../src/domain/matching/index';
import { crmPersonArb, FREE_MAIL, memberArb } from './arbitraries';

const points = (score: ReturnType<typeof scorePerson>, criterion: string) =>
  score.contributions.find((c) => c.criterion === criterion)?.points ?? NaN;

interface Case {
  name: string;
  crm: CrmPerson;
  member: LinkedInMember;
  confidence: 'high' | 'medium' | 'low' | 'none';
  scoring: string[];
}

const CASES: Case[] = [
  {
    name: 'nl: van der Berg at Philips, company e-mail vs company website, same title',
    crm: {
      firstName: 'Jan',
      lastName: 'van der Berg',
      email: 'jan.vanderberg@philips.com',
      companyName: 'Philips N.V.',
      title: 'Inkoopmanager',
    },
    member: {
      firstName: 'Jan',
      lastName: 'van den Berg',
      positions: [
        {
          companyName: 'Koninklijke Philips',
          companyWebsite: 'https://www.philips.com',
          title: 'Inkoopmanager',
          current: true,
        },
      ],
    },
    confidence: 'high',
    scoring: ['firstName', 'lastName', 'currentCompany', 'currentTitle'],
  },
  {
    name: 'fr: Hélène Lefèvre without accents in the CRM, same personal address',
    crm: { firstName: 'Helene', lastName: 'LEFEVRE', email: 'Helene.Lefevre@gmail.com', companyName: "L'Oréal S.A." },
    member: {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'helene.lefevre@gmail.com',
      positions: [{ companyName: "L'Oréal", current: true }],
    },
    confidence: 'high',
    scoring: ['email', 'firstName', 'lastName', 'currentCompany'],
  },
  {
    name: "it: Niccolò D'Amico, phone national vs international",
    crm: { firstName: 'Niccolò', lastName: "D'Amico", phone: '02 1234 5678', companyName: 'Ferrari S.p.A.' },
    member: {
      firstName: 'Nicolò',
      lastName: 'Damico',
      phone: '+39 02 1234 5678',
      positions: [{ companyName: 'Ferrari', current: true }],
    },
    confidence: 'high',
    scoring: ['phone', 'firstName', 'lastName', 'currentCompany'],
  },
  {
    name: 'de: Jürgen Müller-Lüdenscheidt, compound name on LinkedIn shortened',
    crm: {
      firstName: 'Jürgen',
      lastName: 'Müller-Lüdenscheidt',
      email: 'j.mueller@bosch.de',
      companyName: 'Robert Bosch GmbH',
      title: 'Sr. Mgr Procurement',
    },
    member: {
      firstName: 'Jurgen',
      lastName: 'Müller',
      positions: [
        { companyName: 'Bosch', companyWebsite: 'bosch.de', title: 'Senior Manager Procurement', current: true },
      ],
    },
    confidence: 'high',
    scoring: ['firstName', 'lastName', 'currentCompany', 'currentTitle'],
  },
  {
    name: 'en: Bill Smith / William Smith at Acme with the same work address',
    crm: {
      firstName: 'Bill',
      lastName: 'Smith',
      email: 'bill.smith@acme.com',
      companyName: 'Acme, Inc.',
      title: 'VP Sales',
    },
    member: {
      firstName: 'William',
      lastName: 'Smith',
      email: 'bill.smith@acme.com',
      positions: [{ companyName: 'Acme Corporation', title: 'Vice President Sales', current: true }],
    },
    confidence: 'high',
    scoring: ['email', 'firstName', 'lastName', 'currentCompany', 'currentTitle'],
  },
  {
    name: 'moved on: the CRM still has the past employer',
    crm: { firstName: 'Sophie', lastName: 'Martin', companyName: 'Siemens AG' },
    member: {
      firstName: 'Sophie',
      lastName: 'Martin',
      positions: [
        { companyName: 'Philips', current: true },
        { companyName: 'Siemens', current: false },
      ],
    },
    confidence: 'low',
    scoring: ['firstName', 'lastName', 'pastCompany'],
  },
  {
    name: 'only a shared free-mail domain: not a match',
    crm: { firstName: 'Anna', lastName: 'Rossi', email: 'anna.rossi@gmail.com' },
    member: {
      firstName: 'Marco',
      lastName: 'Bianchi',
      email: 'marco.b@gmail.com',
      positions: [{ companyName: 'Gmail', companyWebsite: 'gmail.com', current: true }],
    },
    confidence: 'none',
    scoring: [],
  },
  {
    name: 'colleagues with the same surname, company and title are different people',
    crm: { firstName: 'Anna', lastName: 'Müller', companyName: 'Robert Bosch GmbH', title: 'Einkaufsleiterin' },
    member: {
      firstName: 'Klaus',
      lastName: 'Müller',
      positions: [{ companyName: 'Robert Bosch GmbH', title: 'Einkaufsleiterin', current: true }],
    },
    confidence: 'none',
    scoring: ['lastName', 'currentCompany', 'currentTitle'],
  },
  {
    name: 'only an initial: capped below high even with the same company e-mail',
    crm: { firstName: 'J.', lastName: 'Müller', email: 'j.mueller@bosch.de', companyName: 'Bosch' },
    member: {
      firstName: 'Jürgen',
      lastName: 'Müller',
      email: 'j.mueller@bosch.de',
      positions: [{ companyName: 'Robert Bosch GmbH', current: true }],
    },
    confidence: 'medium',
    scoring: ['email', 'firstName', 'lastName', 'currentCompany'],
  },
  {
    name: 'nl: Kees/Cornelis de Vries at KPN, kpnmail.nl private address is not KPN evidence',
    crm: { firstName: 'Kees', lastName: 'de Vries', email: 'kees.devries@kpnmail.nl', companyName: '' },
    member: {
      firstName: 'Cornelis',
      lastName: 'de Vries',
      positions: [{ companyName: 'Koninklijke KPN N.V.', companyWebsite: 'kpn.com', current: true }],
    },
    confidence: 'low',
    scoring: ['firstName', 'lastName'],
  },
];

describe('people scoring on realistic fixtures in five languages', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const score = scorePerson(c.crm, c.member);
    expect(score.confidence).toBe(c.confidence);
    const scoring = score.contributions.filter((x) => x.points > 0).map((x) => x.criterion);
    expect(scoring.sort()).toEqual([...c.scoring].sort());
    expect(score.contributions.map((x) => x.criterion)).toEqual([...PERSON_CRITERIA]);
  });

  test('evidence names the compared values', () => {
    const score = scorePerson(CASES[2].crm, CASES[2].member);
    const phone = score.contributions.find((c) => c.criterion === 'phone');
    expect(phone?.evidence).toBe('…12345678');
    const company = score.contributions.find((c) => c.criterion === 'currentCompany');
    expect(company?.evidence).toBe('ferrari ~ ferrari');
  });

  test('the past company is evidence only when the current company does not match', () => {
    const member: LinkedInMember = {
      firstName: 'Sophie',
      lastName: 'Martin',
      positions: [
        { companyName: 'Siemens', current: true },
        { companyName: 'Siemens', current: false },
      ],
    };
    const score = scorePerson({ firstName: 'Sophie', lastName: 'Martin', companyName: 'Siemens AG' }, member);
    expect(points(score, 'currentCompany')).toBe(25);
    expect(points(score, 'pastCompany')).toBe(0);
  });

  test('an exact e-mail outweighs a different spelling of the same name', () => {
    const a = scorePerson(
      { firstName: 'Sofie', lastName: 'Janssen', email: 's.janssen@kpn.com' },
      { firstName: 'Sophie', lastName: 'Jansen', email: 'S.Janssen@KPN.com' },
    );
    expect(points(a, 'email')).toBe(35);
    expect(a.confidence).toBe('medium');
  });
});

describe('people scoring invariants (property-based)', () => {
  test('contributions always sum exactly to the total, one per criterion', () => {
    fc.assert(
      fc.property(crmPersonArb, memberArb, (crm, member) => {
        const score = scorePerson(crm, member);
        expect(score.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(score.total);
        expect(score.contributions.map((c) => c.criterion)).toEqual([...PERSON_CRITERIA]);
        for (const c of score.contributions) expect(c.points).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  test('the score is symmetric: swapping the two sides gives the same total, levels and confidence', () => {
    fc.assert(
      fc.property(crmPersonArb, memberArb, (crm, member) => {
        const a = preparePerson(crm);
        const b = prepareMember(member);
        const ab = scorePersonKeys(a, b);
        const ba = scorePersonKeys(b, a);
        expect(ba.total).toBe(ab.total);
        expect(ba.confidence).toBe(ab.confidence);
        expect(ba.contributions.map((c) => c.level)).toEqual(ab.contributions.map((c) => c.level));
      }),
      { numRuns: 500 },
    );
  });

  test('the fast per-pair path agrees with the explained score', () => {
    fc.assert(
      fc.property(crmPersonArb, memberArb, (crm, member) => {
        const a = preparePerson(crm);
        const b = prepareMember(member);
        const score = scorePersonKeys(a, b);
        expect(quickPersonTotal(a, b)).toBe(score.confidence === 'none' ? -1 : score.total);
      }),
      { numRuns: 500 },
    );
  });

  test('a free-mail domain is never company evidence: moving both addresses to free mail only removes e-mail points', () => {
    fc.assert(
      fc.property(crmPersonArb, memberArb, fc.constantFrom(...FREE_MAIL), (crm, member, provider) => {
        const crmFree = { ...crm, email: `crm.person@${provider}` };
        const memberFree = { ...member, email: `linkedin.member@${provider}` };
        const withFree = scorePerson(crmFree, memberFree);
        const without = scorePerson({ ...crm, email: null }, { ...member, email: null });
        expect(withFree.total).toBe(without.total);
        expect(withFree.confidence).toBe(without.confidence);
        for (const c of withFree.contributions) expect(c.evidence).not.toContain(provider);
      }),
      { numRuns: 400 },
    );
  });

  test('a record never matches with high confidence on free-mail evidence alone', () => {
    const given = ['Anna', 'Marco', 'Lukas', 'Eline', 'Hugo'];
    const family = ['Rossi', 'Bakker', 'Dubois', 'Schneider', 'Taylor'];
    fc.assert(
      fc.property(
        fc.constantFrom(...FREE_MAIL),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (provider, i, shift, sameAddress) => {
          const j = (i + shift) % 5;
          const crm: CrmPerson = { firstName: given[i], lastName: family[i], email: `x.y@${provider}` };
          const member: LinkedInMember = {
            firstName: given[j],
            lastName: family[j],
            email: sameAddress ? `x.y@${provider}` : `z@${provider}`,
            positions: [{ companyName: provider, companyWebsite: provider, current: true }],
          };
          const score = scorePerson(crm, member);
          expect(score.confidence).not.toBe('high');
          if (!sameAddress) expect(score.confidence).toBe('none');
        },
      ),
      { numRuns: 200 },
    );
  });
});
