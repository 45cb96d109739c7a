/**
 * The one redaction every client log line, message and report goes through (LinkedIn, Salesforce, Dataverse, the
 * CLI): secret values registered by the clients (client secrets, tokens as they are minted), the value of every
 * environment variable whose name is secret-like (whether or not a client registered it), and the usual credential
 * shapes (Bearer/Basic credentials, Salesforce session ids, `name=value`, `name: value` and JSON `"name": "value"`
 * pairs whose name is secret-like, signed download URLs) are replaced by `***`.
 */
import { isSecretLikeName } from './secretNames';

const MIN_SECRET = 6;
const secrets = new Set<string>();

/** Remember a secret value so it is masked wherever it shows up later (short values are ignored). */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET) secrets.add(value);
}

/** Registers the value of every secret-like variable of an environment (e.g. the one the CLI was given). */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) if (isSecretLikeName(name)) registerSecret(value);
}

/** The values to mask: registered ones and the process environment's secret-like variables, longest first. */
function knownSecrets(): string[] {
  const all = new Set(secrets);
  for (const [name, value] of Object.entries(process.env)) {
    if (value && value.length >= MIN_SECRET && isSecretLikeName(name)) all.add(value);
  }
  const out = new Set<string>();
  for (const s of all) {
    out.add(s);
    // The same value as it appears in a URL or a form body (either case of hex digits), in JSON, and base64-encoded.
    const encoded = encodeURIComponent(s);
    out.add(encoded);
    out.add(encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
    out.add(new URLSearchParams({ v: s }).toString().slice(2));
    out.add(JSON.stringify(s).slice(1, -1));
    const base64 = Buffer.from(s).toString('base64');
    out.add(base64);
    out.add(base64.replace(/=+$/, ''));
    out.add(Buffer.from(s).toString('base64url'));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

// Values whose names say no "secret": a device code or an authorization code (with its PKCE verifier) can be
// exchanged for tokens while it lives; a SAML response or artifact signs a user in.
const SECRET_NAME =
  /^(?:x-li-ambry-ep|sig|client_assertion|assertion|sid|device_code|code_verifier|samlresponse|samlart)$/i;
const secretName = (name: string) => SECRET_NAME.test(name) || isSecretLikeName(name);

const PATTERNS: [RegExp, string | ((...m: string[]) => string)][] = [
  // An Authorization header line of any scheme (Token, Digest, SharedKey, AWS4-HMAC-SHA256 …): the whole credential
  // to the end of the line, the scheme's name kept (a quoted one is masked whole below).
  [
    /\b((?:proxy-)?authorization)(\s*[:=]\s*)(?!\*\*\*)([A-Za-z][\w-]*\s+(?=\S))?[^\s"'}][^\r\n}]*/gi,
    (m, name, sep, scheme) => `${name}${sep}${scheme ?? ''}***`,
  ],
  [/\b(Bearer|Basic)(\s+|%20|\+)[A-Za-z0-9._~+/=-]+/gi, '$1$2***'],
  // The password of a URL's user info (scheme://user:password@host).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi, '$1***@'],
  // A JSON Web Token (header and payload are base64url JSON, so both start "eyJ"), registered or not.
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '***'],
  // An OAuth authorization code as a URL query or form parameter (`code` elsewhere is an error code, kept).
  [/([?&]code=|^code=(?=[^\s&]*&))[^\s&#"']+/gm, '$1***'],
  // Salesforce session ids / access tokens: the 15- or 18-character org id, "!", then the session part.
  [/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+/g, '***'],
  // A private key (PEM), also cut short by a clipped message.
  [/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[^]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, '$1***'],
  // JSON: "name": "value", the whole string value whatever it escapes (a quote inside the secret included).
  [
    /(?<!\\)(")([A-Za-z][\w.-]*)("\s*:\s*")((?:[^"\\]|\\.)*)(")/g,
    (m, q1, name, mid, _value, q2) => (secretName(name) ? `${q1}${name}${mid}***${q2}` : m),
  ],
  // JSON: "name": "value" (also with escaped quotes inside a JSON string).
  [
    /(\\?")([A-Za-z][\w.-]*)(\\?"\s*:\s*\\?")((?:[^"\\]|\\.)*?)(\\?")/g,
    (m, q1, name, mid, _value, q2) => (secretName(name) ? `${q1}${name}${mid}***${q2}` : m),
  ],
  // name: 'value' / name="value" (inspected objects, messages): the whole quoted value, spaces included.
  [
    /\b([A-Za-z][\w.-]*)(['"]?\s*[:=]\s*)(["'])([^"'\r\n]*)\3/g,
    (m, name, sep, q) => (secretName(name) ? `${name}${sep}${q}***${q}` : m),
  ],
  // The same pairs percent-encoded (a form body or JSON inside a URL): name%3Dvalue, "name"%3A"value".
  [
    /(?:\b|(?<=%[0-9A-Fa-f]{2}))([A-Za-z][\w.-]*)((?:%22)?(?:%3D|%3A)(?:%20)*(?:%22)?)((?:[A-Za-z0-9._~+!*()-]|%(?!26|22)[0-9A-Fa-f]{2})+)/gi,
    (m, name, sep) => (secretName(name) ? `${name}${sep}***` : m),
  ],
  // name=value (query strings, form bodies) and name: value / name = value (logs, messages).
  [
    /\b([A-Za-z][\w.-]*)(\s*[:=]\s*|=)(?!Bearer\b|Basic\b|\*\*\*|\/\/)([^\s&"',;)]+)/g,
    // An Authorization header was masked above, its scheme kept.
    (m, name, sep, _value) => (secretName(name) && !/authorization$/i.test(name) ? `${name}${sep}***` : m),
  ],
];

export function redact(text: string): string {
  let out = text;
  for (const s of knownSecrets()) {
    if (out.includes(s)) out = out.split(s).join('***');
  }
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep as string);
  return out;
}

/** A logger that redacts; `undefined` sink = silent. */
export function redactingLog(sink?: (line: string) => void): (line: string) => void {
  return (line: string) => {
    if (sink) sink(redact(line));
  };
}
