/**
 * Sign-in by the OAuth 2.0 device authorization grant (RFC 8628) against Microsoft Entra ID, as documented in
 * "Microsoft identity platform and the OAuth 2.0 device authorization grant flow"
 * (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code):
 *   1. POST {tenant}/oauth2/v2.0/devicecode with client_id and scope → device_code, user_code, verification_uri,
 *      expires_in (15 minutes by default) and interval;
 *   2. the admin opens verification_uri on any device, enters user_code and signs in as the integration user;
 *   3. meanwhile POST {tenant}/oauth2/v2.0/token with grant_type=urn:ietf:params:oauth:grant-type:device_code every
 *      `interval` seconds: authorization_pending → ask again; slow_down → add 5 seconds to the interval (RFC 8628
 *      §3.5; Entra's table omits it but the RFC requires it); authorization_declined / expired_token (and the RFC's
 *      access_denied) → stop, nothing is connected; bad_verification_code → stop (our request was wrong).
 * The answer carries a refresh token only when the scope asks for offline_access.
 *
 * Written on the protocol rather than with @azure/msal-node: MSAL refuses an authority that is not https (so the
 * loopback Entra double cannot stand in for Entra), sends its own requests outside the outbound policy, and keeps the
 * refresh token inside its serialized token cache instead of handing it to us for the credentials file.
 */
import { CatalogueError } from '../../domain/errors';
import type { OutboundPolicy } from '../../net/outbound';
import { registerSecret } from '../../net/redact';
import { postTokenForm, replyDetail, type TokenAnswer } from './tokenEndpoint';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** Seconds the code stays valid. */
  expiresIn: number;
  /** Entra's own sentence ("To sign in, use a web browser to open the page … and enter the code …"). */
  message?: string;
}

export interface DeviceCodeSignIn {
  /** `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode` */
  deviceCodeUrl: string;
  /** `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token` */
  tokenUrl: string;
  clientId: string;
  /** Space-separated; must contain offline_access for a refresh token. */
  scope: string;
  outbound?: OutboundPolicy;
  /** Shows the code to the admin. */
  show: (prompt: DeviceCodePrompt) => void;
  /** Injected by tests; real time otherwise. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** What the admin fixes in the app registration for the errors Entra gives a public client that is set up wrong. */
const APP_HINTS: Record<string, string> = {
  // AADSTS7000218: a public client without "Allow public client flows".
  invalid_client:
    ': the app registration must allow public client flows (Authentication → Allow public client flows: Yes)',
  // AADSTS700016: no such application in the directory.
  unauthorized_client:
    ': no app registration with this client id in this directory (check --client-id and --tenant-id)',
};

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The device endpoint of a tenant's token endpoint (the two differ only in their last segment). */
export function deviceCodeUrlOf(tokenUrl: string): string {
  return tokenUrl.replace(/\/token\/?$/, '/devicecode');
}

export function expiresAtOf(json: TokenAnswer, now: number): number {
  const seconds = Number(json.expires_in);
  return now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000;
}

export async function signInWithDeviceCode(cfg: DeviceCodeSignIn): Promise<SignedIn> {
  const sleep = cfg.sleep ?? realSleep;
  const now = cfg.now ?? Date.now;
  const start = await postTokenForm(
    cfg.deviceCodeUrl,
    { client_id: cfg.clientId, scope: cfg.scope },
    'dataverse',
    cfg.outbound,
  );
  const j = start.json;
  const deviceCode = typeof j.device_code === 'string' ? j.device_code : '';
  registerSecret(deviceCode);
  if (
    start.status !== 200 ||
    !deviceCode ||
    typeof j.user_code !== 'string' ||
    typeof j.verification_uri !== 'string'
  ) {
    const kind = start.status >= 500 ? 'CONNECT_FAILED' : 'CRM_SIGN_IN';
    throw new CatalogueError(
      kind,
      `${replyDetail('Microsoft Entra device code request', start)}${APP_HINTS[j.error ?? ''] ?? ''}`,
      start.status,
    );
  }
  const expiresIn = Number(j.expires_in) > 0 ? Number(j.expires_in) : 900;
  let interval = Number(j.interval) >= 0 && j.interval !== undefined ? Number(j.interval) : 5;
  const deadline = now() + expiresIn * 1000;
  cfg.show({
    userCode: j.user_code,
    verificationUri: j.verification_uri,
    expiresIn,
    ...(typeof j.message === 'string' ? { message: j.message } : {}),
  });
  for (;;) {
    await sleep(interval * 1000);
    const r = await postTokenForm(
      cfg.tokenUrl,
      { grant_type: DEVICE_CODE_GRANT, client_id: cfg.clientId, device_code: deviceCode },
      'dataverse',
      cfg.outbound,
    );
    const error = r.json.error;
    if (r.status === 200 && r.json.access_token) {
      if (!r.json.refresh_token) {
        throw new CatalogueError(
          'CRM_SIGN_IN',
          'Microsoft Entra gave no refresh token (the scope lacks offline_access)',
        );
      }
      return {
        accessToken: r.json.access_token,
        refreshToken: r.json.refresh_token,
        expiresAt: expiresAtOf(r.json, now()),
      };
    }
    if (error === 'authorization_pending' || error === 'slow_down') {
      if (error === 'slow_down') interval += 5;
      // The server is the authority on expiry; this only ends a wait that a silent server would make endless.
      if (now() + interval * 1000 > deadline + 60_000) {
        throw new CatalogueError(
          'SIGN_IN_NOT_COMPLETED',
          `the code expired after ${Math.round(expiresIn / 60)} minutes`,
        );
      }
      continue;
    }
    if (error === 'authorization_declined' || error === 'access_denied')
      throw new CatalogueError('SIGN_IN_NOT_COMPLETED', 'the sign-in was declined', r.status);
    if (error === 'expired_token')
      throw new CatalogueError(
        'SIGN_IN_NOT_COMPLETED',
        `the code expired after ${Math.round(expiresIn / 60)} minutes`,
        r.status,
      );
    const kind = r.status >= 500 ? 'CONNECT_FAILED' : 'CRM_SIGN_IN';
    throw new CatalogueError(kind, replyDetail('Microsoft Entra device code token request', r), r.status);
  }
}
