import { crmId, generateDemoData, inboxJsonLines, keyOf, sfId18, DEMO_LANGUAGES, POOLS } from '../../src/demo/index';

describe('demo data generator', () => {
  const data = generateDemoData();

  test('is deterministic for a seed and differs for another seed', () => {
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData({ seed: 7 }).people.slice(0, 20))).not.toBe(
      JSON.stringify(data.people.slice(0, 20)),
    );
  });

  test('has at least 1,000 contacts and leads across at least 100 accounts', () => {
    expect(data.people.length).toBeGreaterThanOrEqual(1000);
    expect(data.people.some((p) => p.type === 'lead')).toBe(true);
    const accountsWithContacts = new Set(data.people.filter((p) => p.accountKey).map((p) => p.accountKey));
    expect(accountsWithContacts.size).toBeGreaterThanOrEqual(100);
  });

  test('names and companies come from all five languages, with diacritics and legal forms', () => {
    for (const lang of DEMO_LANGUAGES)
      expect(data.people.filter((p) => p.language === lang).length).toBeGreaterThan(50);
    expect(data.people.some((p) => /[äöüßéèçàòìëï]/i.test(p.firstName + p.lastName))).toBe(true);
    for (const lang of DEMO_LANGUAGES) {
      expect(data.accounts.some((a) => POOLS[lang].legalForms.some((f) => a.name.endsWith(` ${f}`)))).toBe(true);
    }
  });

  test('has open and closed opportunities in several stages', () => {
    const stages = new Set(data.opportunities.map((o) => o.stage));
    expect(stages.size).toBeGreaterThanOrEqual(6);
    expect(data.opportunities.some((o) => o.isClosed && o.isWon)).toBe(true);
    expect(data.opportunities.some((o) => o.isClosed && !o.isWon)).toBe(true);
    expect(data.opportunities.filter((o) => !o.isClosed).length).toBeGreaterThan(50);
  });

  test('inbox has every activity kind, unmatched and opted-out items', () => {
    for (const kind of ['inmail', 'message', 'note', 'call'])
      expect(data.inbox.some((a) => a.kind === kind)).toBe(true);
    expect(data.inbox.some((a) => !a.expectedPersonKey)).toBe(true);
    expect(data.inbox.some((a) => a.optOut)).toBe(true);
    const lines = inboxJsonLines(data.inbox).trim().split('\n');
    expect(lines).toHaveLength(data.inbox.length);
    expect(JSON.parse(lines[0])).not.toHaveProperty('expectedPersonKey');
  });

  test('export has flagged, ignored and defective rows', () => {
    const good = data.exportRows.filter((r) => !r.defect);
    expect(good.length).toBeGreaterThan(50);
    const ignored = good.filter((r) => data.people.find((p) => p.key === r.recordKey)?.notAtCompany === 'Ignore');
    expect(ignored.length).toBeGreaterThan(0);
    for (const d of ['duplicate', 'unknown-id', 'missing-id', 'bad-type', 'bad-time']) {
      expect(data.exportRows.some((r) => r.defect === d)).toBe(true);
    }
  });

  test('carries injection-looking names and companies', () => {
    const text = JSON.stringify([data.people, data.accounts]);
    for (const s of ["O'Brien", 'Müller \\"AG\\"', "x' OR 1=1 --", '<script>', '=HYPERLINK('])
      expect(text).toContain(s);
  });

  test('CRM ids round-trip and follow each platform format', () => {
    expect(sfId18('001000000000001')).toHaveLength(18);
    for (const key of ['A0001', 'C0420', 'L0007', 'O0099', 'U0003']) {
      const sf = crmId('salesforce', key);
      expect(sf).toMatch(/^[0-9A-Za-z]{18}$/);
      expect(keyOf('salesforce', sf)).toBe(key);
      const dv = crmId('dataverse', key);
      expect(dv).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(keyOf('dataverse', dv)).toBe(key);
    }
    expect(crmId('salesforce', 'C0001').slice(0, 3)).toBe('003');
    expect(keyOf('salesforce', '003000000000000AAA')).toBeUndefined();
  });
});
