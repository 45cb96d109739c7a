// fast-check generators of realistic CRM people, LinkedIn members, accounts and companies in the five
// languages: small pools with the variants that matching must see through (accents, nicknames, legal forms,
// phone formats, free-mail), plus occasional arbitrary text.
import fc from 'fast-check';
import type { CrmAccount, CrmPerson, LinkedInCompany, LinkedInMember } from '../../../src/domain/matching/index';

export const FIRST_NAMES = [
  'Jürgen',
  'Jurgen',
  'Hélène',
  'Helene',
  'Niccolò',
  'Nicolò',
  'Bill',
  'William',
  'Jan',
  'Johannes',
  'Anna',
  'Kees',
  'Cornelis',
  'J.',
  'Jean-Pierre',
  'Sophie',
  'Giuseppe',
  'Beppe',
];
export const LAST_NAMES = [
  'van der Berg',
  'Van den Berg',
  'Berg',
  'Müller-Lüdenscheidt',
  'Müller',
  'Mueller',
  'Lefèvre',
  'Lefebvre',
  "D'Amico",
  'Damico',
  'Rossi',
  'de Vries',
  'Smith',
  'Schmidt',
];
export const COMPANIES = [
  'Philips N.V.',
  'Philips',
  'Koninklijke KPN N.V.',
  'KPN',
  "L'Oréal S.A.",
  'LOreal',
  'Ferrari S.p.A.',
  'Siemens AG',
  'Siemens Nederland B.V.',
  'Robert Bosch GmbH',
  'Bosch',
  'Müller & Söhne GmbH & Co. KG',
  'Mueller und Soehne',
  'Procter & Gamble Co.',
  'Acme, Inc.',
];
export const COMPANY_DOMAINS = [
  'philips.com',
  'kpn.com',
  'loreal.fr',
  'ferrari.it',
  'siemens.de',
  'bosch.de',
  'mueller-soehne.de',
  'pg.com',
  'acme.com',
];
export const FREE_MAIL = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.fr',
  'live.nl',
  'yahoo.it',
  'icloud.com',
  'gmx.de',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'libero.it',
  'ziggo.nl',
  'kpnmail.nl',
  'proton.me',
];
export const TITLES = [
  'Head of Procurement',
  'Sr. VP Sales',
  'Senior Vice President Sales',
  'Directeur commercial',
  'Responsabile acquisti',
  'Einkaufsleiter',
  'Inkoopmanager',
  'CFO',
];
export const PHONES = [
  '+31 20 123 4567',
  '020 123 4567',
  '0031 20 1234567',
  '+49 89 9876 5432',
  '089 98765432',
  '+39 02 1234 5678',
  '02 1234 5678',
  '+33 1 42 68 53 00',
  '01 42 68 53 00',
  '+44 (0)20 7946 0958',
];

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 3 });
const local = fc.constantFrom('jan', 'j.muller', 'helene.lefevre', 'niccolo.damico', 'info', 'sales', 'bill.smith');

/** An e-mail on a company domain or a free-mail domain. */
export const emailArb = fc.tuple(local, fc.constantFrom(...COMPANY_DOMAINS, ...FREE_MAIL)).map(([l, d]) => `${l}@${d}`);

const text = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
  { weight: 6, arbitrary: fc.constant('') },
);
const name = (pool: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: text });

export const crmPersonArb: fc.Arbitrary<CrmPerson> = fc.record({
  firstName: maybe(name(FIRST_NAMES)),
  lastName: maybe(name(LAST_NAMES)),
  email: maybe(emailArb),
  phone: maybe(fc.constantFrom(...PHONES)),
  title: maybe(fc.constantFrom(...TITLES)),
  companyName: maybe(name(COMPANIES)),
  accountWebsite: maybe(fc.constantFrom(...COMPANY_DOMAINS.map((d) => `https://www.${d}/`), 'gmail.com')),
});

const positionArb = fc.record({
  companyName: maybe(name(COMPANIES)),
  companyWebsite: maybe(fc.constantFrom(...COMPANY_DOMAINS)),
  title: maybe(fc.constantFrom(...TITLES)),
  current: fc.boolean(),
});

export const memberArb: fc.Arbitrary<LinkedInMember> = fc.record({
  firstName: maybe(name(FIRST_NAMES)),
  lastName: maybe(name(LAST_NAMES)),
  email: maybe(emailArb),
  phone: maybe(fc.constantFrom(...PHONES)),
  positions: fc.array(positionArb, { maxLength: 3 }),
});

export const crmAccountArb: fc.Arbitrary<CrmAccount> = fc.record({
  name: maybe(name(COMPANIES)),
  website: maybe(fc.constantFrom(...COMPANY_DOMAINS, 'http://www.gmail.com')),
  phone: maybe(fc.constantFrom(...PHONES)),
  postalCode: maybe(fc.constantFrom('1012 AB', '1012AB', '80333', 'D-80333', '20121', '75008')),
  street: maybe(fc.constantFrom('Hauptstr. 5', 'Hauptstraße 5', 'Keizersgracht 12', 'Via Roma 1', 'Rue de Rivoli 10')),
  city: maybe(
    fc.constantFrom('München', 'Munich', 'Amsterdam', 'Milano', 'Milan', 'Paris', 'Den Haag', "'s-Gravenhage"),
  ),
  state: maybe(fc.constantFrom('Bayern', 'Noord-Holland', 'Lombardia', 'Île-de-France')),
  employees: maybe(fc.integer({ min: 1, max: 500000 })),
  industry: maybe(fc.constantFrom('Electronics Manufacturing', 'Telecommunications', 'Cosmetics', 'Automotive')),
});

export const companyPageArb: fc.Arbitrary<LinkedInCompany> = fc.record({
  name: maybe(name(COMPANIES)),
  website: maybe(fc.constantFrom(...COMPANY_DOMAINS)),
  phone: maybe(fc.constantFrom(...PHONES)),
  headquarters: maybe(
    fc.record({
      postalCode: maybe(fc.constantFrom('1012AB', '80333', '20121', '75008')),
      street: maybe(fc.constantFrom('Hauptstrasse 5', 'Keizersgracht 12', 'Via Roma 1')),
      city: maybe(fc.constantFrom('Munich', 'Amsterdam', 'Milan', 'Paris', 'The Hague')),
      state: maybe(fc.constantFrom('Bayern', 'Noord-Holland', 'Lombardia')),
    }),
  ),
  staffCountRange: maybe(fc.constantFrom('1-10', '11-50', '1001-5000', '10,001+', '51 - 200 employees')),
  industry: maybe(fc.constantFrom('Electronics Manufacturing', 'Telecommunications', 'Cosmetics')),
});
