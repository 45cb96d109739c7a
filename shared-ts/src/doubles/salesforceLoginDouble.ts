/**
 * Loopback double of Salesforce's login host for the OAuth 2.0 web server flow with PKCE ("OAuth 2.0 Web Server
 * Flow for Web App Integration" and "Refresh Token Flow" in Salesforce Help), the way `sf org login web` uses it:
 *   GET  /services/oauth2/authorize  response_type=code, client_id, redirect_uri (exactly a registered callback URL),
 *        code_challenge + code_challenge_method=S256, state, scope → the login and "Allow Access?" page
 *   POST /services/oauth2/authorize  decision=allow|deny → 302 to redirect_uri with code and state, or with
 *        error=access_denied&error_description=end-user denied authorization and state
 *   POST /services/oauth2/token      grant_type=authorization_code (code once, within 15 minutes, the same redirect_uri,
 *        code_verifier whose S256 is the challenge) or grant_type=refresh_token → access_token, instance_url, id,
 *        issued_at, signature (and refresh_token for the code; a new one on refresh when rotation is on)
 * Errors are `{"error","error_description"}` with 400, as Salesforce answers them. Access tokens come from the
 * Salesforce (API) double, which is the instance the answers name.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SalesforceDouble } from './salesforceDouble';
import { LoopbackDouble, sendJson } from './server';

export interface SalesforceLoginDoubleOptions {
  /** The connected app's callback URLs. */
  callbackUrls?: string[];
  /** Refresh Token Rotation on: every refresh answers with a new refresh token and revokes the old one. */
  rotateRefreshTokens?: boolean;
  /** "Require Secret for Web Server Flow" (and for the refresh token flow). */
  requireSecret?: boolean;
}

interface Authorization {
  clientId: string;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

const base64url = (b: Buffer) => b.toString('base64url');

export class SalesforceLoginDouble extends LoopbackDouble {
  readonly callbackUrls: string[];
  rotateRefreshTokens: boolean;
  requireSecret: boolean;
  private readonly codes = new Map<string, Authorization>();
  private readonly refreshTokens = new Set<string>();
  readonly issuedRefreshTokens: string[] = [];

  constructor(
    private readonly instance: SalesforceDouble,
    opts: SalesforceLoginDoubleOptions = {},
  ) {
    super();
    this.callbackUrls = opts.callbackUrls ?? ['http://127.0.0.1:1717/OauthRedirect'];
    this.rotateRefreshTokens = opts.rotateRefreshTokens ?? false;
    this.requireSecret = opts.requireSecret ?? false;
  }

  static async start(
    instance: SalesforceDouble,
    opts: SalesforceLoginDoubleOptions = {},
  ): Promise<SalesforceLoginDouble> {
    return new SalesforceLoginDouble(instance, opts).listen();
  }

  /** An admin revokes the app's OAuth tokens for the user (Connected Apps OAuth Usage → Revoke). */
  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }
  liveRefreshTokens(): string[] {
    return [...this.refreshTokens];
  }

  protected kindOf(_method: string, path: string): string {
    const p = path.split('?')[0];
    if (p === '/services/oauth2/authorize') return 'authorize';
    if (p === '/services/oauth2/token') return 'token';
    return 'other';
  }

  protected handle(kind: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (kind === 'authorize') return this.authorize(req, res, body);
    if (kind === 'token' && req.method === 'POST') return this.token(res, new URLSearchParams(body.toString('utf8')));
    sendJson(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }

  private page(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Salesforce</title>${html}`);
  }

  private authorize(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const q =
      req.method === 'POST'
        ? new URLSearchParams(body.toString('utf8'))
        : new URL(req.url ?? '/', this.url).searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    // An unknown app or a callback that is not registered is an error page; nothing is sent to the redirect URI.
    if (q.get('client_id') !== this.instance.clientId) return this.page(res, 400, '<p>error=invalid_client_id</p>');
    if (!this.callbackUrls.includes(redirectUri)) return this.page(res, 400, '<p>error=redirect_uri_mismatch</p>');
    const state = q.get('state');
    const back = (params: Record<string, string>) => {
      const u = new URL(redirectUri);
      for (const [k, v] of Object.entries({ ...params, ...(state ? { state } : {}) })) u.searchParams.set(k, v);
      res.writeHead(302, { Location: u.toString() });
      res.end();
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const challenge = q.get('code_challenge') ?? '';
    if (!challenge || q.get('code_challenge_method') !== 'S256')
      return back({ error: 'invalid_request', error_description: 'missing required code challenge' });
    if (req.method !== 'POST') {
      const hidden = [...q.entries()]
        .map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/[&"<>]/g, '')}">`)
        .join('');
      return this.page(
        res,
        200,
        `<form method="post"><h1>Allow Access?</h1>${hidden}<button name="decision" value="allow">Allow</button>` +
          '<button name="decision" value="deny">Deny</button></form>',
      );
    }
    if (q.get('decision') !== 'allow')
      return back({ error: 'access_denied', error_description: 'end-user denied authorization' });
    const code = `aPrx${base64url(randomBytes(32))}`;
    this.codes.set(code, {
      clientId: q.get('client_id') as string,
      redirectUri,
      challenge,
      expiresAt: Date.now() + 15 * 60_000,
    });
    back({ code });
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    const fail = (error: string, description: string) => sendJson(res, 400, { error, error_description: description });
    if (form.get('client_id') !== this.instance.clientId) return fail('invalid_client_id', 'client identifier invalid');
    if (this.requireSecret && form.get('client_secret') !== this.instance.clientSecret)
      return fail('invalid_client', 'invalid client credentials');
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const a = this.codes.get(code);
      this.codes.delete(code);
      if (!a || a.expiresAt < Date.now() || a.redirectUri !== form.get('redirect_uri'))
        return fail('invalid_grant', 'authentication failure');
      const verifier = form.get('code_verifier') ?? '';
      if (base64url(createHash('sha256').update(verifier).digest()) !== a.challenge)
        return fail('invalid_grant', 'invalid code verifier');
      return this.issue(res, true);
    }
    if (grant === 'refresh_token') {
      const rt = form.get('refresh_token') ?? '';
      if (!this.refreshTokens.has(rt)) return fail('invalid_grant', 'expired access/refresh token');
      if (this.rotateRefreshTokens) this.refreshTokens.delete(rt);
      return this.issue(res, this.rotateRefreshTokens);
    }
    fail('unsupported_grant_type', 'grant type not supported');
  }

  private issue(res: ServerResponse, withRefreshToken: boolean): void {
    let refreshToken: string | undefined;
    if (withRefreshToken) {
      refreshToken = `5Aep861${base64url(randomBytes(40))}`;
      this.refreshTokens.add(refreshToken);
      this.issuedRefreshTokens.push(refreshToken);
    }
    sendJson(res, 200, {
      access_token: this.instance.issueToken(),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      signature: base64url(randomBytes(32)),
      scope: 'refresh_token api',
      instance_url: this.instance.url,
      id: `${this.url}/id/${this.instance.orgId}/${this.instance.userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    });
  }
}
