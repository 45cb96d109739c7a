// People the way they are written in five languages: corroborated evidence reaches "high"; two different people
// with the same surname at companies that only share a word never reach "medium".
import { matchAll, scorePerson, type CrmPerson, type LinkedInMember } from '../../../src/domain/matching/index';

interface Side {
  first: string;
  last: string;
  company: string;
  email?: string;
  website?: string;
  title?: string;
}

function score(crm: Side, li: Side) {
  const person: CrmPerson = {
    firstName: crm.first,
    lastName: crm.last,
    companyName: crm.company,
    email: crm.email ?? null,
    title: crm.title ?? null,
  };
  const member: LinkedInMember = {
    firstName: li.first,
    lastName: li.last,
    email: li.email ?? null,
    positions: [
      { companyName: li.company, companyWebsite: li.website ?? null, title: li.title ?? null, current: true },
    ],
  };
  return scorePerson(person, member);
}

describe('formal name vs nickname, with the e-mail on the company domain: high', () => {
  test.each([
    ['en', 'William', 'Bill', 'Turner', 'Northwind', 'The Northwind Company', 'northwind.co.uk'],
    ['nl', 'Cornelis', 'Kees', 'Bakker', 'Wagenborg', 'Koninklijke Wagenborg B.V.', 'wagenborg.nl'],
    ['de', 'Friedrich', 'Fritz', 'Schneider', 'Knauf', 'Gebr. Knauf KG', 'knauf.de'],
    ['fr', 'Frédéric', 'Fred', 'Girard', 'Lactalis', 'Groupe Lactalis', 'lactalis.fr'],
    ['it', 'Giuseppe', 'Beppe', 'Rossi', 'Barilla', 'Gruppo Barilla', 'barilla.it'],
  ])('%s: %s / %s %s', (_lang, formal, short, last, crmCompany, liCompany, domain) => {
    const s = score(
      { first: formal, last, company: crmCompany, email: `${formal.toLowerCase()}.${last.toLowerCase()}@${domain}` },
      { first: short, last, company: liCompany, website: `https://www.${domain}/` },
    );
    expect(s.confidence).toBe('high');
  });
});

describe('Dutch baptismal and pet forms and their French/German/Italian counterparts are one given name', () => {
  test.each([
    ['nl', 'Jacques', 'Sjaak', 'Verhoef'],
    ['nl', 'Antonius', 'Toine', 'Verhoef'],
    ['fr', 'Antoine', 'Toine', 'Lambert'],
    ['nl', 'Wilhelmus', 'Wim', 'Verhoef'],
    ['nl', 'Hendrikus', 'Henk', 'Verhoef'],
    ['nl', 'Franciscus', 'Frans', 'Verhoef'],
    ['nl', 'Gerardus', 'Gerrit', 'Verhoef'],
    ['nl', 'Martinus', 'Maarten', 'Verhoef'],
    ['de', 'Wolfgang', 'Wolf', 'Brandt'],
    ['it', 'Francesco', 'Checco', 'Lombardi'],
  ])('%s: %s / %s %s', (_lang, formal, short, last) => {
    const s = score(
      { first: formal, last, company: 'Zeeland Havens B.V.', email: `${formal.toLowerCase()}@zeelandhavens.nl` },
      { first: short, last, company: 'Zeeland Havens', website: 'zeelandhavens.nl' },
    );
    expect(s.confidence).toBe('high');
  });
});

describe('German nobility titles in the surname are often left out', () => {
  test.each([
    ['Maximilian', 'Graf zu Stolberg', 'Max', 'zu Stolberg'],
    ['Luise', 'Freifrau von Eltz', 'Luise', 'von Eltz'],
    ['Georg', 'Freiherr von Aretin', 'Georg', 'Aretin'],
    ['Sophie', 'Gräfin von Arnim', 'Sophie', 'Graefin von Arnim'],
  ])('%s %s / %s %s', (first, last, liFirst, liLast) => {
    const s = score(
      { first, last, company: 'Weinkellerei Rheingau GmbH', email: 'info.kontakt@weinkellerei-rheingau.de' },
      { first: liFirst, last: liLast, company: 'Weinkellerei Rheingau', website: 'weinkellerei-rheingau.de' },
    );
    expect(s.contributions.find((c) => c.criterion === 'lastName')?.level).toBe('exact');
    expect(s.confidence).toBe('high');
  });
});

describe('initials of a compound given name ("J.P.", "JP", "K.-H.") are that name, not another', () => {
  test.each([
    ['fr', 'Jean-Pierre', 'J.P.'],
    ['fr', 'Jean-Pierre', 'JP'],
    ['de', 'Karl-Heinz', 'K.-H.'],
    ['it', 'Gian Maria', 'G. M.'],
  ])('%s: %s / %s is suggested', (_lang, full, initials) => {
    const s = score(
      { first: full, last: 'Lefèvre', company: 'Rhône Logistique SA', email: 'contact.rl@rhone-logistique.fr' },
      { first: initials, last: 'Lefevre', company: 'Rhône Logistique', website: 'rhone-logistique.fr' },
    );
    expect(s.contributions.find((c) => c.criterion === 'firstName')?.level).toBe('initial');
    expect(s.confidence).toBe('medium');
  });

  test('"J.P." is not "Jean-Luc"', () => {
    const s = score(
      { first: 'Jean-Luc', last: 'Lefèvre', company: 'Rhône Logistique SA' },
      { first: 'J.P.', last: 'Lefevre', company: 'Rhône Logistique' },
    );
    expect(s.contributions.find((c) => c.criterion === 'firstName')?.level).toBe('none');
  });

  test('matchAll finds the member written with initials', () => {
    const r = matchAll(
      [{ firstName: 'Jean-Pierre', lastName: 'Lefèvre', companyName: 'Rhône Logistique', title: 'Directeur' }],
      [
        {
          firstName: 'J.P.',
          lastName: 'Lefevre',
          positions: [{ companyName: 'Rhône Logistique SA', title: 'Directeur', current: true }],
        },
      ],
    ).results[0];
    expect(r.candidateIndex).toBe(0);
  });
});

describe('umlauts written out (ü/ue), with the e-mail on the company domain: high', () => {
  test.each([
    ['Björn', 'Krüger', 'Bjoern', 'Krueger'],
    ['Günther', 'Größer', 'Guenther', 'Groesser'],
    ['Käthe', 'Schäfer', 'Kaethe', 'Schaefer'],
    ['Jörg', 'Köhler', 'Joerg', 'Koehler'],
  ])('%s %s / %s %s', (first, last, liFirst, liLast) => {
    const s = score(
      { first, last, company: 'Spree Digital GmbH', email: `${liFirst.toLowerCase()}@spree-digital.de` },
      { first: liFirst, last: liLast, company: 'Spree Digital', website: 'spree-digital.de' },
    );
    expect(s.confidence).toBe('high');
  });
});

describe("the contact's e-mail on the member's company domain corroborates the company: high", () => {
  test.each([
    ['en', 'Grace', 'Walker', 'Brightwater', 'Brightwater Limited', 'brightwater.co.uk'],
    ['nl', 'Sanne', 'Jansen', 'Tulpenveld', 'Tulpenveld B.V.', 'tulpenveld.nl'],
    ['fr', 'Léa', 'Martin', 'Garonne Transports', 'Garonne Transports SA', 'garonne-transports.fr'],
    ['it', 'Giulia', 'Conti', 'Appennino', 'Appennino S.p.A.', 'appennino.it'],
    ['de', 'Lena', 'Fischer', 'Alpenglühen', 'Alpenglühen GmbH', 'alpengluehen.de'],
  ])('%s: %s %s', (_lang, first, last, crmCompany, liCompany, domain) => {
    const s = score(
      { first, last, company: crmCompany, email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}` },
      { first, last, company: liCompany, website: domain },
    );
    expect(s.confidence).toBe('high');
    expect(s.contributions.find((c) => c.criterion === 'currentCompany')?.level).toBe('corroborated');
  });

  test.each([
    ['en', 'Oliver', 'Hughes', 'Brightwater', 'brightwater.co.uk', 'Brightwater Group plc', 'brightwater.com'],
    [
      'nl',
      'Johannes',
      'Smit',
      'Havenbedrijf Vlieland',
      'havenvlieland.nl',
      'Havenbedrijf Vlieland N.V.',
      'havenvlieland.com',
    ],
    [
      'fr',
      'Camille',
      'Roux',
      'Garonne Transports',
      'garonne-transports.fr',
      'Garonne Transports SA',
      'garonne-transports.com',
    ],
    ['it', 'Giuseppe', 'Conti', 'Appennino', 'appennino.com', 'Appennino S.p.A.', 'appennino.it'],
    ['de', 'Jürgen', 'Weiß', 'Alpenglühen', 'alpengluehen.de', 'Alpenglühen GmbH', 'alpengluehen.com'],
  ])(
    '%s: %s %s, the e-mail on the company’s domain name under another country’s suffix',
    (_lang, first, last, crmCompany, mailDomain, liCompany, site) => {
      const s = score(
        { first, last, company: crmCompany, email: `${first.toLowerCase()}@${mailDomain}` },
        { first, last, company: liCompany, website: `https://www.${site}/` },
      );
      expect(s.contributions.find((c) => c.criterion === 'currentCompany')?.level).toBe('corroborated');
      expect(s.confidence).toBe('high');
    },
  );

  test('the account website alone is company evidence, not evidence about the person', () => {
    const person: CrmPerson = {
      firstName: 'Sanne',
      lastName: 'Jansen',
      companyName: 'Tulpenveld',
      accountWebsite: 'tulpenveld.nl',
    };
    const member: LinkedInMember = {
      firstName: 'Sanne',
      lastName: 'Jansen',
      positions: [{ companyName: 'Tulpenveld B.V.', companyWebsite: 'tulpenveld.nl', current: true }],
    };
    expect(scorePerson(person, member).confidence).toBe('medium');
  });
});

describe('the same surname at two companies that only share a word: never medium', () => {
  test.each([
    ['de', 'Jan', 'Jana', 'Schmidt', 'Deutsche Bank AG', 'Deutsche Bank Privat- und Geschäftskunden AG'],
    ['de', 'Oscar', 'Oskar', 'Weber', 'Siemens AG', 'Siemens Healthineers AG'],
    ['fr', 'Marie', 'Mario', 'Martin', 'Crédit Agricole S.A.', 'Crédit Agricole Corporate and Investment Bank'],
    ['it', 'Paolo', 'Paola', 'Ferrari', 'Unipol Gruppo S.p.A.', 'Unipol Assicurazioni Vita S.p.A.'],
    ['nl', 'Daan', 'Dean', 'de Jong', 'Philips', 'Philips Lighting'],
    ['en', 'Emil', 'Emiel', 'Smith', 'ING Groep N.V.', 'ING Bank Nederland'],
    // A man's name in one language is a woman's in another: not a nickname of each other.
    ['fr', 'Michel', 'Michèle', 'Bernard', 'Air France', 'Air France Industries'],
    ['de', 'Andreas', 'Andrea', 'Keller', 'Allianz SE', 'Allianz Global Investors'],
    ['it', 'Nicholas', 'Nicola', 'Greco', 'Banco BPM', 'Banco BPM Vita'],
    ['fr', 'Daniel', 'Daniele', 'Petit', 'Crédit Mutuel', 'Crédit Mutuel Arkéa'],
    ['nl', 'Johannes', 'Jo', 'Visser', 'Rabobank', 'Rabobank Utrecht'],
  ])('%s: %s / %s %s', (_lang, first, otherFirst, last, company, otherCompany) => {
    const s = score(
      { first, last, company, title: 'Head of Sales' },
      { first: otherFirst, last, company: otherCompany, title: 'Head of Sales' },
    );
    expect(['low', 'none']).toContain(s.confidence);
  });
});

describe('two members with the same name at the same company', () => {
  const members: LinkedInMember[] = [
    { firstName: 'Jan', lastName: 'Jansen', positions: [{ companyName: 'Philips', title: 'CFO', current: true }] },
    {
      firstName: 'Jan',
      lastName: 'Jansen',
      email: 'jan.jansen@philips.com',
      positions: [{ companyName: 'Philips', current: true }],
    },
  ];

  test('are told apart by an e-mail address or phone number only: a title alone does not auto-match', () => {
    const r = matchAll([{ firstName: 'Jan', lastName: 'Jansen', companyName: 'Philips N.V.', title: 'CFO' }], members)
      .results[0];
    expect(r.candidateIndex).toBe(0);
    expect(r.score?.confidence).toBe('high');
    expect(r.autoMatch).toBe(false);
    const byMail = matchAll(
      [{ firstName: 'Jan', lastName: 'Jansen', companyName: 'Philips N.V.', email: 'jan.jansen@philips.com' }],
      members,
    ).results[0];
    expect(byMail.candidateIndex).toBe(1);
    expect(byMail.autoMatch).toBe(true);
  });
});
