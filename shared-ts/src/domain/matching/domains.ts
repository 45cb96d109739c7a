import { isFreeMailDomain } from './freeMail';
import { decodeIdnHost } from './punycode';

/**
 * Domains from e-mail addresses and websites, reduced to the registrable domain (public suffix + one label)
 * so "https://www.shop.bosch.de:443/en?x" and "jurgen@de.bosch.de" both give "bosch.de".
 */

/** Two-label public suffixes common in CRM data ("co.uk"-style): a registrable domain has one label more. */
const TWO_LEVEL_SUFFIXES = [
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'nhs.uk',
  'sch.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'govt.nz',
  'co.jp',
  'or.jp',
  'ne.jp',
  'ac.jp',
  'co.kr',
  'or.kr',
  'co.in',
  'net.in',
  'org.in',
  'firm.in',
  'gen.in',
  'co.za',
  'org.za',
  'co.il',
  'org.il',
  'ac.il',
  'co.at',
  'or.at',
  'ac.at',
  'gv.at',
  'com.br',
  'net.br',
  'org.br',
  'com.mx',
  'org.mx',
  'com.ar',
  'com.co',
  'com.pe',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.hk',
  'com.sg',
  'com.tw',
  'com.tr',
  'com.my',
  'com.ph',
  'com.pl',
  'com.pt',
  'com.es',
  'com.gr',
  'com.cy',
  'com.mt',
  'com.ua',
  'co.id',
  'co.th',
  'com.vn',
  'com.eg',
  'com.sa',
  'co.ke',
  'com.ng',
];

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII (host names have no control characters)

function cleanHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  while (host.endsWith('.')) host = host.slice(0, -1);
  host = decodeIdnHost(host);
  return NON_ASCII.test(host) ? host.normalize('NFC') : host;
}

/** Host of a website as typed in a CRM ("HTTPS://WWW.Philips.NL/en/", "philips.nl:8080", "//x.com"); null if none. */
export function hostFromWebsite(website: string | null | undefined): string | null {
  if (!website) return null;
  let s = website.trim().toLowerCase().replace(SCHEME, '');
  if (s.startsWith('//')) s = s.slice(2);
  const at = s.indexOf('@');
  const slash = s.search(/[/?#]/);
  if (at >= 0 && (slash < 0 || at < slash)) s = s.slice(at + 1); // user:pass@host
  const end = s.search(/[/?#:\s]/);
  if (end >= 0) s = s.slice(0, end);
  s = cleanHost(s);
  while (/^www\d*\./.test(s)) s = s.replace(/^www\d*\./, '');
  return s.indexOf('.') > 0 && !s.startsWith('.') ? s : null;
}

/** Domain of an e-mail address ("Jan.de.Vries@Philips.COM" → "philips.com"); null when it is not an address. */
export function domainFromEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const s = email.trim();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  const host = cleanHost(s.slice(at + 1).replace(/[>\s].*$/, ''));
  return host.indexOf('.') > 0 ? host : null;
}

/** Registrable domain of a host: the public suffix plus one label ("shop.bosch.co.uk" → "bosch.co.uk"). */
export function registrableDomain(host: string | null | undefined): string | null {
  if (!host) return null;
  const labels = cleanHost(host)
    .split('.')
    .filter((l) => l !== '');
  if (labels.length < 2) return null;
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LEVEL_SUFFIXES.indexOf(lastTwo) >= 0 ? 3 : 2;
  if (labels.length < keep) return null;
  return labels.slice(-keep).join('.');
}

/** Normalised e-mail address for equality (trimmed, lower case, IDN-decoded domain); null if not an address. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const domain = domainFromEmail(email);
  if (domain === null || !email) return null;
  const s = email.trim();
  const local = s
    .slice(0, s.lastIndexOf('@'))
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  return local === '' ? null : `${local}@${domain}`;
}

/**
 * The registrable domain an e-mail address or website gives as COMPANY evidence, or null — in particular null for
 * free-mail providers (gmail.com, web.de, orange.fr, kpnmail.nl …), which never count as company evidence.
 */
export function companyDomainOf(emailOrWebsite: string | null | undefined): string | null {
  if (!emailOrWebsite) return null;
  const host =
    emailOrWebsite.indexOf('@') >= 0 && !SCHEME.test(emailOrWebsite.trim().toLowerCase())
      ? domainFromEmail(emailOrWebsite)
      : hostFromWebsite(emailOrWebsite);
  const registrable = registrableDomain(host);
  return registrable === null || isFreeMailDomain(registrable) ? null : registrable;
}
