import fc from 'fast-check';
import { domainToASCII } from 'node:url';
import { decodeIdnHost } from '../../../src/domain/matching/punycode';
import {
  companyDomainOf,
  domainFromEmail,
  hostFromWebsite,
  isFreeMailDomain,
  normaliseEmail,
  normalisePhone,
  phoneTail,
  phonesMatch,
  registrableDomain,
} from '../../../src/domain/matching/index';

describe('websites and e-mail domains', () => {
  test.each([
    ['https://www.philips.nl/en/', 'philips.nl'],
    ['HTTP://WWW.Siemens.DE', 'siemens.de'],
    ['www.bosch.de:8080/path?q=1#x', 'bosch.de'],
    ['ferrari.it', 'ferrari.it'],
    ['//cdn.loreal.fr/img', 'cdn.loreal.fr'],
    ['https://user:secret@shop.kpn.com/', 'shop.kpn.com'],
    ['www2.example.co.uk', 'example.co.uk'],
    ['https://xn--mller-sohne-thb.de', 'müller-sohne.de'],
    ['philips.nl.', 'philips.nl'],
    ['not a website', null],
    ['', null],
  ])('website %s → host %s', (site, host) => {
    expect(hostFromWebsite(site)).toBe(host);
  });

  test.each([
    ['Jan.de.Vries@Philips.COM', 'philips.com'],
    ['helene.lefevre@fr.loreal.com', 'fr.loreal.com'],
    ['"Jürgen" <j.mueller@bosch.de>', 'bosch.de'],
    ['no-at-sign.example.com', null],
    ['trailing@', null],
  ])('e-mail %s → domain %s', (email, domain) => {
    expect(domainFromEmail(email)).toBe(domain);
  });

  test.each([
    ['shop.bosch.co.uk', 'bosch.co.uk'],
    ['fr.loreal.com', 'loreal.com'],
    ['acme.com.au', 'acme.com.au'],
    ['www.ferrari.it', 'ferrari.it'],
    ['co.uk', null],
    ['localhost', null],
  ])('registrable domain of %s → %s', (host, want) => {
    expect(registrableDomain(host)).toBe(want);
  });

  test('e-mail addresses compare case-insensitively and with IDN domains decoded', () => {
    expect(normaliseEmail(' Jurgen.Mueller@XN--MLLER-KVA.DE ')).toBe('jurgen.mueller@müller.de');
    expect(normaliseEmail('not an address')).toBeNull();
  });

  test('Punycode labels decode to what the WHATWG URL encoder encoded (property, Node as the reference)', () => {
    const label = fc
      .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789äöüßéèêàçñøåæœłžščřőűığ'.split('')), {
        minLength: 1,
        maxLength: 14,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(label, fc.constantFrom('de', 'nl', 'fr', 'it', 'com'), (name, tld) => {
        const host = `${name}.${tld}`;
        const ascii = domainToASCII(host);
        fc.pre(ascii !== '');
        expect(decodeIdnHost(ascii)).toBe(decodeIdnHost(ascii).normalize('NFC'));
        expect(domainToASCII(decodeIdnHost(ascii))).toBe(ascii);
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'hotmail.com',
    'live.com',
    'yahoo.com',
    'icloud.com',
    'me.com',
    'aol.com',
    'gmx.de',
    'gmx.net',
    'web.de',
    't-online.de',
    'orange.fr',
    'free.fr',
    'wanadoo.fr',
    'laposte.net',
    'libero.it',
    'virgilio.it',
    'tiscali.it',
    'ziggo.nl',
    'kpnmail.nl',
    'hetnet.nl',
    'home.nl',
    'proton.me',
    'protonmail.com',
    'mail.com',
    'yandex.ru',
    'hotmail.fr',
    'yahoo.co.uk',
    'live.nl',
    'outlook.it',
  ])('%s is free mail and never company evidence', (domain) => {
    expect(isFreeMailDomain(registrableDomain(domain))).toBe(true);
    expect(companyDomainOf(`someone@${domain}`)).toBeNull();
    expect(companyDomainOf(`https://www.${domain}/`)).toBeNull();
  });

  test.each(['kpn.com', 'orange.com', 'philips.com', 'bosch.de', 'loreal.fr', 'live-nation.com'])(
    '%s is a company domain',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
      expect(companyDomainOf(`someone@mail.${domain}`)).toBe(registrableDomain(domain));
    },
  );
});

describe('phone numbers with country-code tolerance', () => {
  test.each([
    ['+31 20 123 4567', '020 123 4567'],
    ['0031 20 1234567', '+31 (0)20 123 45 67'],
    ['+49 89 1234567', '0049 89 1234567'],
    ['+49 (0)89 1234567', '089/1234567'],
    ['+39 02 1234 5678', '02 1234 5678'],
    ['+33 1 42 68 53 00', '01.42.68.53.00'],
    ['+44 (0)20 7946 0958', '020 7946 0958'],
    ['+31 6 12345678', '06-12345678'],
    ['+49 89 1234567 ext. 12', '089 1234567'],
  ])('%s = %s', (a, b) => {
    expect(phonesMatch(a, b)).toBe(true);
    expect(phonesMatch(b, a)).toBe(true);
  });

  test.each([
    ['+31 20 123 4567', '+31 20 123 4568'],
    ['+49 89 1234567', '+49 30 7654321'],
    ['12345', '12345'],
    ['0000000000', '0000000000'],
    ['', '020 123 4567'],
  ])('%s ≠ %s', (a, b) => {
    expect(phonesMatch(a, b)).toBe(false);
  });

  test('normalisePhone writes international prefixes as + and drops the (0) trunk', () => {
    expect(normalisePhone('0031 (0)20 123 4567')).toBe('+31201234567');
    expect(normalisePhone('020 123 4567')).toBe('0201234567');
    expect(normalisePhone('123')).toBeNull();
  });

  test('any number written nationally or internationally, with any separators, gives the same tail (property)', () => {
    const digit = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.constantFrom('31', '49', '33', '39', '44', '32', '41', '43'),
        fc.array(digit, { minLength: 9, maxLength: 10 }),
        fc.constantFrom(' ', '-', '.', '', '/'),
        (cc, digits, sep) => {
          fc.pre(new Set(digits.slice(-8)).size > 1);
          const subscriber = digits.join('');
          const intl = `+${cc} ${subscriber.slice(0, 2)}${sep}${subscriber.slice(2)}`;
          const zeros = `00${cc}${sep}${subscriber}`;
          const national = `0${subscriber.slice(0, 2)}${sep}${subscriber.slice(2)}`;
          const trunk = `+${cc} (0)${subscriber}`;
          const tail = phoneTail(intl);
          expect(tail).not.toBeNull();
          expect(phoneTail(zeros)).toBe(tail);
          expect(phoneTail(national)).toBe(tail);
          expect(phoneTail(trunk)).toBe(tail);
        },
      ),
      { numRuns: 300 },
    );
  });
});
