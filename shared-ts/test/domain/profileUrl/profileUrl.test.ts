import fc from 'fast-check';
import {
  LINKEDIN_TRUSTED_ORIGINS,
  PROFILE_URL_ERRORS,
  SALES_NAVIGATOR_WIDGET_BASE_URL,
  buildSalesNavigatorWidgetUrl,
  isTrustedPhotoUrl,
  parseProfileUrl,
  sameProfile,
  trustedOriginsFor,
} from '../../../src/domain/profileUrl/index';
import { CATALOGUES, LOCALES } from '../../../src/domain/i18n/index';

const SN_ID = 'ACwAAAAbCdEfGhIjKlMnOpQrStUvWxYz0123456';

describe('parseProfileUrl: accepted', () => {
  const accepted: [string, string, 'vanityName' | 'salesNavigatorId', string, string][] = [
    [
      'plain public profile',
      'https://www.linkedin.com/in/anneke-de-vries',
      'vanityName',
      'anneke-de-vries',
      'https://www.linkedin.com/in/anneke-de-vries',
    ],
    [
      'trailing slash',
      'https://www.linkedin.com/in/anneke-de-vries/',
      'vanityName',
      'anneke-de-vries',
      'https://www.linkedin.com/in/anneke-de-vries',
    ],
    [
      'no scheme, no www',
      'linkedin.com/in/anneke-de-vries',
      'vanityName',
      'anneke-de-vries',
      'https://www.linkedin.com/in/anneke-de-vries',
    ],
    [
      'country subdomain',
      'https://nl.linkedin.com/in/anneke-de-vries',
      'vanityName',
      'anneke-de-vries',
      'https://www.linkedin.com/in/anneke-de-vries',
    ],
    [
      'mobile host',
      'http://m.linkedin.com/in/giulia-ricci-8a1b2c',
      'vanityName',
      'giulia-ricci-8a1b2c',
      'https://www.linkedin.com/in/giulia-ricci-8a1b2c',
    ],
    [
      'query string and fragment',
      'https://de.linkedin.com/in/juergen-gross?originalSubdomain=de&trk=x#experience',
      'vanityName',
      'juergen-gross',
      'https://www.linkedin.com/in/juergen-gross',
    ],
    [
      'upper case',
      'HTTPS://WWW.LINKEDIN.COM/IN/Elodie-Moreau/',
      'vanityName',
      'elodie-moreau',
      'https://www.linkedin.com/in/elodie-moreau',
    ],
    [
      'percent-encoded accents',
      'https://fr.linkedin.com/in/%C3%A9lodie-moreau',
      'vanityName',
      'élodie-moreau',
      'https://www.linkedin.com/in/%C3%A9lodie-moreau',
    ],
    [
      'unencoded accents',
      'www.linkedin.com/in/jürgen-groß',
      'vanityName',
      'jürgen-groß',
      'https://www.linkedin.com/in/j%C3%BCrgen-gro%C3%9F',
    ],
    [
      'sub-page of a profile',
      'https://www.linkedin.com/in/brian-oneill/details/experience/',
      'vanityName',
      'brian-oneill',
      'https://www.linkedin.com/in/brian-oneill',
    ],
    [
      'protocol-relative',
      '//www.linkedin.com/in/brian-oneill',
      'vanityName',
      'brian-oneill',
      'https://www.linkedin.com/in/brian-oneill',
    ],
    [
      'explicit https port',
      'https://www.linkedin.com:443/in/brian-oneill',
      'vanityName',
      'brian-oneill',
      'https://www.linkedin.com/in/brian-oneill',
    ],
    [
      'surrounding spaces and a line break',
      '  https://www.linkedin.com/in/brian-\noneill \n',
      'vanityName',
      'brian-oneill',
      'https://www.linkedin.com/in/brian-oneill',
    ],
    [
      'mobile-lite path',
      'https://www.linkedin.com/mwlite/in/brian-oneill',
      'vanityName',
      'brian-oneill',
      'https://www.linkedin.com/in/brian-oneill',
    ],
    [
      'Sales Navigator lead',
      `https://www.linkedin.com/sales/lead/${SN_ID},NAME_SEARCH,p7Qx?_ntb=abc`,
      'salesNavigatorId',
      SN_ID,
      `https://www.linkedin.com/sales/lead/${SN_ID},NAME_SEARCH,p7Qx`,
    ],
    [
      'Sales Navigator people (older path)',
      `linkedin.com/sales/people/${SN_ID},NAME_SEARCH,p7Qx/`,
      'salesNavigatorId',
      SN_ID,
      `https://www.linkedin.com/sales/people/${SN_ID},NAME_SEARCH,p7Qx`,
    ],
    [
      'Sales Navigator lead without auth parts',
      `https://www.linkedin.com/sales/lead/${SN_ID}`,
      'salesNavigatorId',
      SN_ID,
      `https://www.linkedin.com/sales/lead/${SN_ID}`,
    ],
    [
      'Profile Associations profile URL',
      `https://www.linkedin.com/sales/profile/${SN_ID},,?pathWildcard=${SN_ID}`,
      'salesNavigatorId',
      SN_ID,
      `https://www.linkedin.com/sales/profile/${SN_ID},,`,
    ],
    [
      'encoded commas',
      `https://www.linkedin.com/sales/lead/${SN_ID}%2CNAME_SEARCH%2Cp7Qx`,
      'salesNavigatorId',
      SN_ID,
      `https://www.linkedin.com/sales/lead/${SN_ID},NAME_SEARCH,p7Qx`,
    ],
  ];

  test.each(accepted)('%s', (_name, input, type, identifier, normalized) => {
    const r = parseProfileUrl(input);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ identifierType: type, identifier, normalizedUrl: normalized }),
    });
  });

  test('a normalised URL parses to itself', () => {
    for (const [, input] of accepted) {
      const r = parseProfileUrl(input);
      if (!r.ok) throw new Error(input);
      const again = parseProfileUrl(r.value.normalizedUrl);
      expect(again.ok && again.value.normalizedUrl).toBe(r.value.normalizedUrl);
    }
  });

  test('sameProfile compares by identifier, not by spelling', () => {
    expect(
      sameProfile('nl.linkedin.com/in/Anneke-de-Vries/', 'https://www.linkedin.com/in/anneke-de-vries?trk=1'),
    ).toBe(true);
    expect(sameProfile('linkedin.com/in/anneke-de-vries', 'linkedin.com/in/anneke-devries')).toBe(false);
    expect(sameProfile('linkedin.com/in/anneke-de-vries', 'javascript:alert(1)')).toBe(false);
  });
});

describe('parseProfileUrl: refused, each with its own message', () => {
  const refused: [string, unknown, keyof typeof PROFILE_URL_ERRORS][] = [
    ['empty', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['not a string', 42, 'empty'],
    ['javascript URL', 'javascript:alert(document.cookie)', 'scheme'],
    ['javascript URL with tab', 'java\tscript:alert(1)', 'scheme'],
    ['data URL', 'data:text/html,<script>alert(1)</script>', 'scheme'],
    ['mailto', 'mailto:anneke@example.nl', 'scheme'],
    ['ftp', 'ftp://linkedin.com/in/anneke', 'scheme'],
    ['another host', 'https://www.xing.com/profile/Anneke_deVries', 'notLinkedIn'],
    ['look-alike host', 'https://linkedin.com.example.net/in/anneke', 'notLinkedIn'],
    ['look-alike suffix', 'https://evil-linkedin.com/in/anneke', 'notLinkedIn'],
    ['user-info trick', 'https://www.linkedin.com@example.net/in/anneke', 'notLinkedIn'],
    ['deep subdomain', 'https://a.b.linkedin.com/in/anneke', 'notLinkedIn'],
    ['odd port', 'https://www.linkedin.com:8443/in/anneke', 'notLinkedIn'],
    ['short link', 'https://lnkd.in/eXaMpLe', 'shortLink'],
    ['company page', 'https://www.linkedin.com/company/acme-gmbh/', 'company'],
    ['school page', 'https://www.linkedin.com/school/politecnico-di-milano/', 'company'],
    ['Sales Navigator account', `https://www.linkedin.com/sales/company/1234567`, 'company'],
    ['feed', 'https://www.linkedin.com/feed/', 'notProfile'],
    ['home page', 'https://www.linkedin.com/', 'notProfile'],
    ['Sales Navigator search', 'https://www.linkedin.com/sales/search/people?query=x', 'notProfile'],
    ['profile without a name', 'https://www.linkedin.com/in/', 'badIdentifier'],
    ['vanity too short', 'https://www.linkedin.com/in/ab', 'badIdentifier'],
    ['vanity with markup', 'https://www.linkedin.com/in/%3Cscript%3E', 'badIdentifier'],
    ['Sales Navigator id with markup', 'https://www.linkedin.com/sales/lead/%3Cimg%20src%3Dx%3E', 'badIdentifier'],
    ['broken percent-encoding', 'https://www.linkedin.com/in/anneke%E0%A4%A', 'malformed'],
    ['space inside', 'https://www.linkedin.com/in/anneke de vries', 'malformed'],
    ['too long', `https://www.linkedin.com/in/${'a'.repeat(3000)}`, 'tooLong'],
  ];

  test.each(refused)('%s', (_name, input, reason) => {
    expect(parseProfileUrl(input)).toEqual({ ok: false, errorKey: PROFILE_URL_ERRORS[reason] });
  });

  test('every refusal has a message in every language', () => {
    for (const key of Object.values(PROFILE_URL_ERRORS)) {
      for (const locale of LOCALES) expect(CATALOGUES[locale][key]).toBeTruthy();
    }
  });
});

describe('parseProfileUrl: invariants', () => {
  const hostOf = (url: string) => /^https:\/\/([^/]+)\//.exec(url)?.[1];

  test('never throws, and anything it accepts is on www.linkedin.com over https (any string)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (s) => {
        const r = parseProfileUrl(s);
        if (r.ok) expect(hostOf(r.value.normalizedUrl)).toBe('www.linkedin.com');
      }),
      { numRuns: 1000 },
    );
  });

  test('never accepts a URL whose host is not LinkedIn', () => {
    const nonLinkedIn = fc.webUrl().filter((u) => !/^https?:\/\/([a-z0-9-]+\.)?linkedin\.com(?=[:/?#]|$)/i.test(u));
    fc.assert(
      fc.property(nonLinkedIn, fc.constantFrom('/in/anneke-de-vries', `/sales/lead/${SN_ID}`), (url, path) => {
        expect(parseProfileUrl(url + path).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  test('any valid vanity on any accepted host parses to the same identifier', () => {
    const vanity = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,30}$/);
    const host = fc.constantFrom(
      'linkedin.com',
      'www.linkedin.com',
      'nl.linkedin.com',
      'it.linkedin.com',
      'm.linkedin.com',
    );
    const scheme = fc.constantFrom('', 'http://', 'https://', '//');
    const tail = fc.constantFrom('', '/', '?trk=public_profile', '/#about', '/details/skills/');
    fc.assert(
      fc.property(scheme, host, vanity, tail, (s, h, v, t) => {
        const r = parseProfileUrl(`${s}${h}/in/${v}${t}`);
        expect(r.ok && r.value.identifier).toBe(v);
      }),
    );
  });
});

describe('Sales Navigator embedded profile iframe', () => {
  const base = {
    apiKey: '86abcdef12',
    crmType: 'contact' as const,
    crmRecordId: '003Aa00000XyZ12AAB',
    crmOrgId: '00DAa0000000001EAA',
    firstName: 'Élodie',
    lastName: 'Moreau & Fils',
    email: 'elodie.moreau@exemple.fr',
    companyName: 'Société Générale S.A.',
  };

  function query(url: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const pair of url.split('?')[1].split('&')) {
      const [k, v] = pair.split('=');
      out[decodeURIComponent(k)] = decodeURIComponent(v);
    }
    return out;
  }

  test('no API key = no iframe', () => {
    expect(buildSalesNavigatorWidgetUrl({ ...base, apiKey: null })).toBeNull();
    expect(buildSalesNavigatorWidgetUrl({ ...base, apiKey: '  ' })).toBeNull();
  });

  test('the documented parameters, URL-encoded, with the documented defaults', () => {
    const url = buildSalesNavigatorWidgetUrl({ ...base, crmSourceType: 'NAVSYNC', sat: 'tok.en/+=' })!;
    expect(url.startsWith(`${SALES_NAVIGATOR_WIDGET_BASE_URL}?`)).toBe(true);
    expect(url).not.toMatch(/[ &]Fils|É|\+=/);
    expect(query(url)).toEqual({
      apiKey: '86abcdef12',
      firstName: 'Élodie',
      lastName: 'Moreau & Fils',
      email: 'elodie.moreau@exemple.fr',
      companyName: 'Société Générale S.A.',
      crmRecordId: '003Aa00000XyZ12AAB',
      crmOrgId: '00DAa0000000001EAA',
      crmSourceType: 'NAVSYNC',
      crmType: 'contact',
      modules: 'TopCard2,RelatedLeads',
      version: '2.1',
      isInlineMode: 'false',
      sat: 'tok.en/+=',
    });
  });

  test('empty values are left out; extra parameters pass through but cannot override documented ones', () => {
    const url = buildSalesNavigatorWidgetUrl({
      ...base,
      email: '',
      companyName: null,
      extra: { title: 'CFO', apiKey: 'other' },
    })!;
    const q = query(url);
    expect(q).not.toHaveProperty('email');
    expect(q).not.toHaveProperty('companyName');
    expect(q.title).toBe('CFO');
    expect(q.apiKey).toBe('86abcdef12');
  });

  test('a configured base URL must stay on the trusted frame origin', () => {
    expect(buildSalesNavigatorWidgetUrl({ ...base, baseUrl: 'https://www.linkedin.com/sales/widget/v3' })).toMatch(
      /^https:\/\/www\.linkedin\.com\/sales\/widget\/v3\?/,
    );
    expect(buildSalesNavigatorWidgetUrl({ ...base, baseUrl: 'https://www.linkedin.com.example.net/x' })).toBeNull();
  });
});

describe('trusted origins (one definition for both CRMs)', () => {
  test('exactly the iframe origin for frames and the LinkedIn media CDN for photos', () => {
    expect(trustedOriginsFor('frame-src')).toEqual(['https://www.linkedin.com']);
    expect(trustedOriginsFor('img-src')).toEqual(['https://media.licdn.com']);
    for (const o of LINKEDIN_TRUSTED_ORIGINS) expect(o.origin).toMatch(/^https:\/\/[a-z.]+$/);
  });

  test.each([
    ['https://media.licdn.com/dms/image/C4E03AQ/profile-displayphoto-shrink_200_200/0?e=1&v=beta', true],
    ['http://media.licdn.com/dms/image/x', false],
    ['https://media.licdn.com.example.net/x.jpg', false],
    ['javascript:alert(1)', false],
    [null, false],
    // What reaches an img src is the stored value itself: only URL characters, and not a page of them.
    ['https://media.licdn.com/x.jpg"onerror="alert(1)', false],
    ['https://media.licdn.com/x.jpg\n', false],
    ['https://media.licdn.com/x\u0000.jpg', false],
    ['https://media.licdn.com/x .jpg', false],
    ['https://media.licdn.com/\\evil.example/x.jpg', false],
    ['https://media.licdn.com/<svg>', false],
    [`https://media.licdn.com/${'a'.repeat(4096)}`, false],
    ['https://media.licdn.com/dms/image/v2/x/0/1?e=1&v=beta&t=a-b_c%2Bd~', true],
  ])('photo %s trusted: %s', (url, want) => {
    expect(isTrustedPhotoUrl(url)).toBe(want);
  });
});
