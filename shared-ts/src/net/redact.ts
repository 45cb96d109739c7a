/**
 * The one redaction every client log line goes through (LinkedIn, Salesforce, Dataverse, the doubles):
 * known secret values registered by the clients (client secrets, tokens as they are minted) and the usual
 * credential shapes (Bearer headers, token/secret parameters, signed download URLs) are replaced by `***`.
 */
const secrets = new Set<string>();

/** Remember a secret value so it is masked wherever it shows up later (short values are ignored). */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) secrets.add(value);
}

const PATTERNS: [RegExp, string][] = [
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***'],
  [
    /((?:access_token|refresh_token|client_secret|client_assertion|assertion|password|sig|signature|x-li-ambry-ep|token)=)[^&\s"']+/gi,
    '$1***',
  ],
  [
    /("(?:access_token|refresh_token|client_secret|password|token|accessToken|clientSecret|authorization)"\s*:\s*")[^"]*"/gi,
    '$1***"',
  ],
  [/(authorization\s*[:=]\s*)(?!Bearer\b)\S+/gi, '$1***'],
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join('***');
  }
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

/** A logger that redacts; `undefined` sink = silent. */
export function redactingLog(sink?: (line: string) => void): (line: string) => void {
  return (line: string) => {
    if (sink) sink(redact(line));
  };
}
