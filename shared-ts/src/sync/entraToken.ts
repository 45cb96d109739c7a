/**
 * Dataverse application tokens from Microsoft Entra ID by client credentials (scope `<org url>/.default`),
 * cached until five minutes before expiry and minted again when the gateway asks (e.g. after a 401).
 */
import { CatalogueError } from '../domain/errors';
import { outboundFetch } from '../net/http';
import type { OutboundPolicy } from '../net/outbound';

export interface EntraTokenConfig {
  /** Where requests may go (the doubles: loopback allowed). */
  outbound?: OutboundPolicy;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The Dataverse environment URL. */
  resource: string;
}

export function entraTokenProvider(cfg: EntraTokenConfig): (forceRefresh?: boolean) => Promise<string> {
  let cached: { value: string; expiresAt: number } | null = null;
  return async (forceRefresh = false) => {
    if (!forceRefresh && cached && Date.now() < cached.expiresAt - 300_000) return cached.value;
    const res = await outboundFetch(
      cfg.tokenUrl,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: cfg.clientId,
          client_secret: cfg.clientSecret,
          scope: `${cfg.resource.replace(/\/$/, '')}/.default`,
        }),
      },
      { platform: 'dataverse', purpose: 'token', policy: cfg.outbound },
    );
    const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!res.ok || !json.access_token) {
      // A refused client (wrong id or secret, expired secret: 400/401 invalid_client, AADSTS7000215 …) is a sign-in
      // failure, the same error class as Salesforce's invalid_client.
      const kind =
        res.status === 400 || res.status === 401 ? 'CRM_SIGN_IN' : res.status >= 500 ? 'CONNECT_FAILED' : 'API_ERROR';
      throw new CatalogueError(
        kind,
        `Microsoft Entra token request: HTTP ${res.status}${json.error ? ` ${json.error}` : ''}`,
        res.status,
      );
    }
    cached = { value: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 3600) * 1000 };
    return cached.value;
  };
}
