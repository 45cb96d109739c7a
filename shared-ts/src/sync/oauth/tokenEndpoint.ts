/**
 * One POST of an OAuth 2.0 form to a token endpoint (RFC 6749 §4/§6, RFC 8628 §3.4), under the outbound policy:
 * token requests go only to the platform's sign-in hosts, or to loopback when the config allows it (the doubles).
 */
import { CatalogueError } from '../../domain/errors';
import { outboundFetch } from '../../net/http';
import type { OutboundPolicy, Platform } from '../../net/outbound';
import { registerSecret } from '../../net/redact';

/** The fields of a token answer NavSync reads; everything else (id_token, scope …) is ignored. */
export interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  /** Salesforce: the org's instance, where the API calls go. */
  instance_url?: string;
  error?: string;
  error_description?: string;
  [other: string]: unknown;
}

export interface TokenReply {
  status: number;
  json: TokenAnswer;
}

export async function postTokenForm(
  url: string,
  form: Record<string, string>,
  platform: Platform,
  outbound?: OutboundPolicy,
): Promise<TokenReply> {
  let res: Response;
  try {
    res = await outboundFetch(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form),
      },
      { platform, purpose: 'token', policy: outbound },
    );
  } catch (err) {
    if (err instanceof CatalogueError) throw err;
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new CatalogueError('CONNECT_FAILED', `${platform} sign-in ${new URL(url).host}: ${cause}`);
  }
  const json = (await res.json().catch(() => ({}))) as TokenAnswer;
  // Whatever comes back is masked from here on, wherever it would show up later.
  registerSecret(json.access_token);
  registerSecret(json.refresh_token);
  return { status: res.status, json };
}

/** "HTTP 400 invalid_grant", for a detail line (never the description: servers echo the request into it). */
export function replyDetail(what: string, r: TokenReply): string {
  return `${what}: HTTP ${r.status}${r.json.error ? ` ${r.json.error}` : ''}`;
}
