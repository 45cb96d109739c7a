/**
 * Free-mail (consumer) e-mail providers. An address on one of these domains says nothing about the person's
 * employer, so it NEVER counts as company evidence (it can still identify the person when the whole address is
 * equal). Two forms: exact registrable domains, and providers that are free-mail under every country TLD.
 */
const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'gmx.com',
  'web.de',
  't-online.de',
  'freenet.de',
  'mail.de',
  'posteo.de',
  'arcor.de',
  'orange.fr',
  'free.fr',
  'wanadoo.fr',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'libertysurf.fr',
  'club-internet.fr',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'tin.it',
  'tim.it',
  'fastwebnet.it',
  'email.it',
  'inwind.it',
  'ziggo.nl',
  'kpnmail.nl',
  'hetnet.nl',
  'home.nl',
  'planet.nl',
  'xs4all.nl',
  'chello.nl',
  'casema.nl',
  'quicknet.nl',
  'telfort.nl',
  'upcmail.nl',
  'telenet.be',
  'skynet.be',
  'proximus.be',
  'bluewin.ch',
  'proton.me',
  'pm.me',
  'protonmail.com',
  'protonmail.ch',
  'mail.com',
  'email.com',
  'yandex.com',
  'yandex.ru',
  'ya.ru',
  'mail.ru',
  'zoho.com',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hushmail.com',
  'qq.com',
  '163.com',
  '126.com',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'blueyonder.co.uk',
  'ntlworld.com',
  'talktalk.net',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
];

/** Providers whose consumer mail exists under many country TLDs (yahoo.fr, hotmail.it, live.nl, gmx.es …). */
const FREE_MAIL_BRANDS = [
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'aol',
  'gmx',
  'yandex',
  'protonmail',
  'icloud',
];

const FREE_MAIL_SET: Record<string, true> = (() => {
  const out: Record<string, true> = {};
  for (const d of FREE_MAIL_DOMAINS) out[d] = true;
  return out;
})();

/**
 * Is this registrable domain a free-mail provider? Expects the output of registrableDomain (lower case,
 * no "www.", public suffix + one label), e.g. "gmail.com", "yahoo.co.uk", "web.de".
 */
export function isFreeMailDomain(registrable: string | null | undefined): boolean {
  if (!registrable) return false;
  if (FREE_MAIL_SET[registrable] === true) return true;
  const dot = registrable.indexOf('.');
  return dot > 0 && FREE_MAIL_BRANDS.indexOf(registrable.slice(0, dot)) >= 0;
}
