/**
 * Access tokens from a saved refresh token (RFC 6749 §6): `grant_type=refresh_token` at the platform's token
 * endpoint, cached until five minutes before expiry and minted again when a client asks (e.g. after a 401).
 * When the answer carries a new refresh token, the old one is discarded and the new one handed to `onRotate` to be
 * saved (Entra: "You're expected to discard the old refresh token", learn.microsoft.com/entra/identity-platform/
 * v2-oauth2-auth-code-flow#refresh-the-access-token; Salesforce does the same with refresh token rotation on).
 * Concurrent callers share one request, so a rotating server never sees the same refresh token twice.
 */
import { CatalogueError } from '../../domain/errors';
import type { OutboundPolicy, Platform } from '../../net/outbound';
import { registerSecret } from '../../net/redact';
import { expiresAtOf } from './deviceCode';
import { postTokenForm, replyDetail } from './tokenEndpoint';

export interface RefreshingTokenConfig {
  platform: Platform;
  tokenUrl: string;
  clientId: string;
  /** Confidential clients only (a Salesforce connected app that requires its secret for refresh). */
  clientSecret?: string;
  refreshToken: string;
  /** Entra: the resource's scopes again (a refresh token may serve several resources). */
  scope?: string;
  outbound?: OutboundPolicy;
  /** Saves a rotated refresh token (the credentials file); errors are reported by the caller's log. */
  onRotate?: (refreshToken: string) => void;
  /**
   * The saved refresh token now (the credentials file), read before each refresh: another process on this machine
   * (serve and a CLI command) may have rotated it since, and the one this process holds is then revoked.
   */
  reload?: () => string | undefined;
  now?: () => number;
}

export interface AccessToken {
  value: string;
  /** Salesforce: the org's instance URL from the token answer. */
  instanceUrl?: string;
}

export type TokenSource = (forceRefresh?: boolean) => Promise<AccessToken>;

const NAMES: Record<Platform, string> = {
  dataverse: 'Microsoft Entra',
  salesforce: 'Salesforce',
  linkedin: 'LinkedIn',
};

export function refreshingToken(cfg: RefreshingTokenConfig): TokenSource {
  const now = cfg.now ?? Date.now;
  let refreshToken = cfg.refreshToken;
  registerSecret(refreshToken);
  let cached: (AccessToken & { expiresAt: number }) | null = null;
  let inFlight: Promise<AccessToken> | null = null;

  const refresh = async (): Promise<AccessToken> => {
    const saved = cfg.reload?.();
    if (saved) {
      refreshToken = saved;
      registerSecret(saved);
    }
    const r = await postTokenForm(
      cfg.tokenUrl,
      {
        grant_type: 'refresh_token',
        client_id: cfg.clientId,
        refresh_token: refreshToken,
        ...(cfg.scope ? { scope: cfg.scope } : {}),
        ...(cfg.clientSecret ? { client_secret: cfg.clientSecret } : {}),
      },
      cfg.platform,
      cfg.outbound,
    );
    const json = r.json;
    if (r.status !== 200 || !json.access_token) {
      const detail = replyDetail(`${NAMES[cfg.platform]} refresh token request`, r);
      // invalid_grant: the refresh token expired, was revoked or the user's password changed: sign in again.
      if (json.error === 'invalid_grant') throw new CatalogueError('SIGN_IN_REVOKED', detail, r.status);
      const kind =
        r.status === 400 || r.status === 401 ? 'CRM_SIGN_IN' : r.status >= 500 ? 'CONNECT_FAILED' : 'API_ERROR';
      throw new CatalogueError(kind, detail, r.status);
    }
    if (json.refresh_token && json.refresh_token !== refreshToken) {
      refreshToken = json.refresh_token;
      cfg.onRotate?.(refreshToken);
    }
    cached = {
      value: json.access_token,
      expiresAt: expiresAtOf(json, now()),
      ...(typeof json.instance_url === 'string' ? { instanceUrl: json.instance_url } : {}),
    };
    return cached;
  };

  return async (forceRefresh = false) => {
    if (!forceRefresh && cached && now() < cached.expiresAt - 300_000) return cached;
    inFlight ??= refresh().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
