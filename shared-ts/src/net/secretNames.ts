/**
 * Whether a setting's or an environment variable's name says it holds a secret, whatever its spelling
 * (`clientSecret`, `CLIENT_SECRET`, `client-secret`, `x.apiKey`, `SF_SESSION_ID` …). One rule for the config check
 * ("no secret in the config file") and for redaction (every secret-like environment variable is masked).
 */
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'password',
  'pass',
  'passwd',
  'pwd',
  'passphrase',
  'token',
  'tokens',
  'credential',
  'credentials',
  'key',
  'apikey',
  'privatekey',
  'auth',
  'authorization',
  'bearer',
  'cookie',
  'session',
  'sessionid',
  'signature',
  'sig',
  'cert',
  'certificate',
]);

/** A last word that names where a secret is, not the secret itself (`tokenUrl`, `KEY_FILE`). */
const LOCATION_WORDS = new Set(['url', 'uri', 'endpoint', 'host', 'file', 'path', 'dir']);

/** `clientSecret` → [client, secret]; `NAVSYNC_SF_CLIENT_SECRET` → [navsync, sf, client, secret]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretLikeName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length || LOCATION_WORDS.has(words[words.length - 1])) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}
