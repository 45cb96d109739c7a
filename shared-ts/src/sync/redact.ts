/**
 * Secrets never reach a log line, a report or the terminal: every text the engine and the CLI print passes
 * through a redactor that knows the configured secret values and the usual token shapes.
 */
const PATTERNS: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /((?:access_token|client_secret|refresh_token|password|sessionId)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
  // Signed download URLs carry their credential in the query string.
  /(https?:\/\/[^\s"'?]+\?)[^\s"']+/gi,
];

export type Redactor = (text: string) => string;

export function makeRedactor(secrets: readonly (string | undefined | null)[]): Redactor {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const v of values) out = out.split(v).join('***');
    for (const p of PATTERNS) out = out.replace(p, '$1***');
    return out;
  };
}
