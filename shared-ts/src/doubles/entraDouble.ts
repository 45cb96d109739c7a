/**
 * Loopback double of the Microsoft Entra ID endpoints of a delegated sign-in, following
 * learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code and …/v2-oauth2-auth-code-flow#refresh-the-access-token:
 *   POST /{tenant}/oauth2/v2.0/devicecode  client_id, scope → device_code, user_code, verification_uri, expires_in, interval
 *   POST /{tenant}/oauth2/v2.0/token       grant_type=urn:ietf:params:oauth:grant-type:device_code → 400
 *        authorization_pending | slow_down (polled sooner than `interval`) | authorization_declined | expired_token |
 *        bad_verification_code, or 200 with access_token (+ refresh_token when the scope had offline_access)
 *   POST /{tenant}/oauth2/v2.0/token       grant_type=refresh_token → a new access token and a new refresh token; the
 *        old refresh token is revoked (the contract allows it, so a client that keeps the old one fails here)
 *   GET/POST /devicelogin                  the page where the user enters the code and accepts or declines
 * Errors are `{"error","error_description":"AADSTS…","error_codes":[…]}` as Entra answers them. A public client
 * without "Allow public client flows" gets AADSTS7000218 (invalid_client), as from the real service.
 * Access tokens come from `mintAccessToken` (the Dataverse double's, so the Web API double accepts them).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackDouble, sendJson } from './server';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface EntraDoubleOptions {
  tenantId?: string;
  /** A public client application id with public client flows allowed. */
  clientId?: string;
  /** Seconds between polls the client must keep (Entra: 5). */
  interval?: number;
  /** Seconds a code is valid (Entra: 900). */
  expiresIn?: number;
  /** Seconds an access token is valid (Entra: 3599, up to 90 minutes). */
  accessTokenSeconds?: number;
  mintAccessToken?: () => string;
}

interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
  expiresAt: number;
  lastPoll: number;
}

const AADSTS: Record<string, [number, string]> = {
  authorization_pending: [70016, 'The provided request has not yet been authorized by the user.'],
  slow_down: [70016, 'The client is polling too often; slow down.'],
  authorization_declined: [70000, 'The user declined the authorization request.'],
  expired_token: [70020, 'The provided value for the input parameter device_code is expired.'],
  bad_verification_code: [70019, 'The verification code was not recognized.'],
  invalid_grant: [700082, 'The refresh token has expired due to inactivity.'],
  invalid_client: [
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  ],
  unauthorized_client: [700016, 'Application was not found in the directory.'],
  invalid_request: [90002, 'Tenant not found.'],
  unsupported_grant_type: [70003, 'The app requested an unsupported grant type.'],
};

export class EntraDouble extends LoopbackDouble {
  readonly tenantId: string;
  readonly clientId: string;
  interval: number;
  expiresIn: number;
  private readonly accessTokenSeconds: number;
  private readonly mint: () => string;
  private readonly grants = new Map<string, DeviceGrant>();
  /** Live refresh tokens → the scope they were issued for. */
  private readonly refreshTokens = new Map<string, string>();
  /** Refresh tokens issued so far (live or revoked), in order. */
  readonly issuedRefreshTokens: string[] = [];
  /** Client ids registered without "Allow public client flows". */
  readonly confidentialOnly = new Set<string>();

  constructor(opts: EntraDoubleOptions = {}) {
    super();
    this.tenantId = opts.tenantId ?? '72f988bf-0000-4000-8000-00000000a11e';
    this.clientId = opts.clientId ?? '5c1a0e4f-0000-4000-8000-00000000d3c1';
    this.interval = opts.interval ?? 5;
    this.expiresIn = opts.expiresIn ?? 900;
    this.accessTokenSeconds = opts.accessTokenSeconds ?? 3599;
    this.mint = opts.mintAccessToken ?? (() => `eyJ0eXAiOiJKV1Qi.${randomBytes(24).toString('base64url')}`);
  }

  static async start(opts: EntraDoubleOptions = {}): Promise<EntraDouble> {
    return new EntraDouble(opts).listen();
  }

  get tokenUrl(): string {
    return `${this.url}/${this.tenantId}/oauth2/v2.0/token`;
  }
  get deviceCodeUrl(): string {
    return `${this.url}/${this.tenantId}/oauth2/v2.0/devicecode`;
  }
  get verificationUri(): string {
    return `${this.url}/devicelogin`;
  }

  // ---------- the user at the verification page ----------

  /** What the user does after entering the code: accept (signs in as the integration user) or decline. */
  answer(userCode: string, decision: 'approve' | 'decline'): boolean {
    const g = [...this.grants.values()].find((x) => x.userCode === userCode.trim().toUpperCase());
    if (!g || g.state !== 'pending' || Date.now() > g.expiresAt) return false;
    g.state = decision === 'approve' ? 'approved' : 'declined';
    return true;
  }
  /** Lets every open code expire at once (instead of waiting 15 minutes). */
  expireCodes(): void {
    for (const g of this.grants.values()) g.expiresAt = 0;
  }
  /** An admin revokes the user's sessions (or the password changed): every refresh token stops working. */
  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }
  liveRefreshTokens(): string[] {
    return [...this.refreshTokens.keys()];
  }

  // ---------- routing ----------

  protected kindOf(method: string, path: string): string {
    const p = path.split('?')[0];
    if (/\/oauth2\/v2\.0\/devicecode$/.test(p)) return 'devicecode';
    if (/\/oauth2\/v2\.0\/token$/.test(p)) return 'token';
    if (p === '/devicelogin') return 'devicelogin';
    return 'other';
  }

  protected handle(kind: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString('utf8'));
    if (kind === 'devicelogin') return this.page(req, res, form);
    const tenant = (req.url ?? '/').split('/')[1];
    if (req.method !== 'POST' || (kind !== 'devicecode' && kind !== 'token')) return sendJson(res, 404, {});
    if (tenant !== this.tenantId && tenant !== 'organizations') return this.error(res, 400, 'invalid_request');
    if (kind === 'devicecode') return this.deviceCode(res, form);
    const grant = form.get('grant_type');
    if (grant === DEVICE_CODE_GRANT) return this.pollDeviceCode(res, form);
    if (grant === 'refresh_token') return this.refresh(res, form);
    return this.error(res, 400, 'unsupported_grant_type');
  }

  private error(res: ServerResponse, status: number, error: string): void {
    const [code, text] = AADSTS[error] ?? [50000, 'There was an error issuing a token.'];
    sendJson(res, status, {
      error,
      error_description: `AADSTS${code}: ${text}`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    });
  }

  /** Public client checks shared by both grants: the app is known and allows public client flows. */
  private clientRefused(res: ServerResponse, clientId: string | null): boolean {
    if (clientId !== this.clientId && !this.confidentialOnly.has(clientId ?? '')) {
      this.error(res, 400, 'unauthorized_client');
      return true;
    }
    if (this.confidentialOnly.has(clientId ?? '')) {
      this.error(res, 401, 'invalid_client');
      return true;
    }
    return false;
  }

  private deviceCode(res: ServerResponse, form: URLSearchParams): void {
    const clientId = form.get('client_id');
    if (this.clientRefused(res, clientId)) return;
    const scope = form.get('scope') ?? '';
    if (!scope.trim()) return this.error(res, 400, 'invalid_request');
    const userCode = randomBytes(6)
      .toString('base64')
      .replace(/[^A-Za-z]/g, 'K')
      .toUpperCase()
      .slice(0, 8);
    const g: DeviceGrant = {
      deviceCode: `DAQABAAEAAAD${randomBytes(48).toString('base64url')}`,
      userCode,
      clientId: clientId as string,
      scope,
      state: 'pending',
      expiresAt: Date.now() + this.expiresIn * 1000,
      lastPoll: 0,
    };
    this.grants.set(g.deviceCode, g);
    sendJson(res, 200, {
      user_code: userCode,
      device_code: g.deviceCode,
      verification_uri: this.verificationUri,
      expires_in: this.expiresIn,
      interval: this.interval,
      message: `To sign in, use a web browser to open the page ${this.verificationUri} and enter the code ${userCode} to authenticate.`,
    });
  }

  private pollDeviceCode(res: ServerResponse, form: URLSearchParams): void {
    const g = this.grants.get(form.get('device_code') ?? '');
    if (!g || g.clientId !== form.get('client_id') || g.state === 'redeemed')
      return this.error(res, 400, 'bad_verification_code');
    const now = Date.now();
    if (now > g.expiresAt) return this.error(res, 400, 'expired_token');
    if (g.state === 'declined') return this.error(res, 400, 'authorization_declined');
    const tooSoon = now - g.lastPoll < this.interval * 1000 - 50;
    g.lastPoll = now;
    if (g.state === 'pending') return this.error(res, 400, tooSoon ? 'slow_down' : 'authorization_pending');
    g.state = 'redeemed';
    this.issue(res, g.scope);
  }

  private refresh(res: ServerResponse, form: URLSearchParams): void {
    if (this.clientRefused(res, form.get('client_id'))) return;
    const old = form.get('refresh_token') ?? '';
    const scope = this.refreshTokens.get(old);
    if (scope === undefined) return this.error(res, 400, 'invalid_grant');
    this.refreshTokens.delete(old);
    this.issue(res, scope);
  }

  private issue(res: ServerResponse, scope: string): void {
    const offline = scope.split(/\s+/).includes('offline_access');
    let refreshToken: string | undefined;
    if (offline) {
      refreshToken = `1.AQ4A${randomBytes(40).toString('base64url')}`;
      this.refreshTokens.set(refreshToken, scope);
      this.issuedRefreshTokens.push(refreshToken);
    }
    sendJson(res, 200, {
      token_type: 'Bearer',
      scope: scope
        .split(/\s+/)
        .filter((s) => s !== 'offline_access')
        .join(' '),
      expires_in: this.accessTokenSeconds,
      access_token: this.mint(),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    });
  }

  /** The verification page: a form for the code and the two buttons (a browser test or a script can use it). */
  private page(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): void {
    if (req.method === 'POST') {
      const decision = form.get('decision') === 'decline' ? 'decline' : 'approve';
      const ok = this.answer(form.get('otc') ?? '', decision);
      res.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        ok
          ? `<p>${decision === 'approve' ? 'You have signed in. You may now close this window.' : 'Sign-in declined.'}</p>`
          : '<p>That code didn’t work. Check the code and try again.</p>',
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Enter code</title><form method="post"><label>Code <input name="otc"></label>' +
        '<button name="decision" value="approve">Continue</button><button name="decision" value="decline">Cancel</button></form>',
    );
  }
}
