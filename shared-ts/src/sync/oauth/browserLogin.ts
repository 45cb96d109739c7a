/**
 * Sign-in to Salesforce in the browser by the OAuth 2.0 web server flow with PKCE, as `sf org login web` does
 * (Salesforce Help: "OAuth 2.0 Web Server Flow for Web App Integration"; RFC 7636 for PKCE, RFC 8252 §7.3 for the
 * loopback redirect):
 *   1. a one-time code_verifier (32 random bytes, base64url) and its S256 code_challenge, and a random state;
 *   2. a listener on http://127.0.0.1:<port>/OauthRedirect (the connected app's callback URL);
 *   3. the browser opens <login>/services/oauth2/authorize?response_type=code&client_id&redirect_uri&code_challenge
 *      &code_challenge_method=S256&state; the admin logs in as the integration user and allows access;
 *   4. Salesforce redirects to the listener with code and state: a state other than ours is refused (a forged or
 *      stale redirect), error=access_denied means declined;
 *   5. POST <login>/services/oauth2/token grant_type=authorization_code with code, redirect_uri and code_verifier
 *      → access_token, refresh_token, instance_url.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CatalogueError } from '../../domain/errors';
import { checkUrl, type OutboundPolicy } from '../../net/outbound';
import { registerSecret } from '../../net/redact';
import { ConfigError } from '../config';
import { postTokenForm, replyDetail } from './tokenEndpoint';

export interface BrowserSignIn {
  /** The login host: https://login.salesforce.com, https://test.salesforce.com or the My Domain URL. */
  loginUrl: string;
  clientId: string;
  /** Only when the connected app requires its secret for the web server flow. */
  clientSecret?: string;
  /** The callback URL's port (the connected app lists http://127.0.0.1:<port>/OauthRedirect); 1717 as sf uses. */
  port: number;
  outbound?: OutboundPolicy;
  /** Shows the URL (and opens the browser). */
  show: (authorizeUrl: string) => void;
  /** How long to wait for the browser; default 5 minutes. */
  timeoutMs?: number;
}

export interface BrowserSignedIn {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
}

export const CALLBACK_PATH = '/OauthRedirect';
const base64url = (b: Buffer) => b.toString('base64url');

/** PKCE (RFC 7636 §4.1–4.2): a high-entropy verifier and its SHA-256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

const PAGE = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>NavSync</title><p style="font:16px system-ui">${text}</p>`;

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new ConfigError(`port ${port} on 127.0.0.1 is in use: close what uses it or give --callback-port`)
          : e,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as { port: number }).port;
}

export async function signInInBrowser(cfg: BrowserSignIn): Promise<BrowserSignedIn> {
  const { verifier, challenge } = pkcePair();
  const state = base64url(randomBytes(16));
  registerSecret(verifier);
  const login = cfg.loginUrl.replace(/\/+$/, '');
  // Refused before the admin signs in, not after: the code is exchanged at this host.
  checkUrl(`${login}/services/oauth2/token`, 'salesforce', 'token', cfg.outbound);
  let settle: (r: { code: string } | { error: CatalogueError }) => void = () => undefined;
  const answer = new Promise<{ code: string } | { error: CatalogueError }>((r) => (settle = r));
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (u.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(PAGE(text));
    };
    // Only the redirect of the authorization this process started counts: any other is refused and ignored.
    if (u.searchParams.get('state') !== state)
      return reply(400, 'This sign-in link is not the one NavSync is waiting for.');
    const error = u.searchParams.get('error');
    const code = u.searchParams.get('code');
    if (error) {
      reply(200, 'Sign-in cancelled. You can close this window.');
      const declined = error === 'access_denied';
      return settle({
        error: new CatalogueError(
          'SIGN_IN_NOT_COMPLETED',
          declined ? 'the sign-in was declined' : `Salesforce answered ${error.replace(/[^\w.-]/g, '')}`,
        ),
      });
    }
    if (!code) return reply(400, 'No authorization code in this link.');
    registerSecret(code);
    reply(200, 'NavSync is signed in to Salesforce. You can close this window and go back to the terminal.');
    settle({ code });
  });
  const port = await listen(server, cfg.port);
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;
  const authorize = new URL(`${login}/services/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    scope: 'api refresh_token',
  }))
    authorize.searchParams.set(k, v);
  const timeoutMs = cfg.timeoutMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    cfg.show(authorize.toString());
    const got = await Promise.race([
      answer,
      new Promise<{ error: CatalogueError }>((r) => {
        timer = setTimeout(
          () =>
            r({
              error: new CatalogueError(
                'SIGN_IN_NOT_COMPLETED',
                `no answer from the browser within ${Math.round(timeoutMs / 60_000)} minutes`,
              ),
            }),
          timeoutMs,
        );
      }),
    ]);
    if ('error' in got) throw got.error;
    const r = await postTokenForm(
      `${login}/services/oauth2/token`,
      {
        grant_type: 'authorization_code',
        code: got.code,
        client_id: cfg.clientId,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        ...(cfg.clientSecret ? { client_secret: cfg.clientSecret } : {}),
      },
      'salesforce',
      cfg.outbound,
    );
    const j = r.json;
    if (r.status !== 200 || !j.access_token || typeof j.instance_url !== 'string') {
      throw new CatalogueError(
        r.status >= 500 ? 'CONNECT_FAILED' : 'CRM_SIGN_IN',
        replyDetail('Salesforce authorization code request', r),
        r.status,
      );
    }
    if (!j.refresh_token) {
      throw new CatalogueError(
        'CRM_SIGN_IN',
        'Salesforce gave no refresh token (add the "refresh_token, offline_access" scope to the connected app)',
      );
    }
    return { accessToken: j.access_token, refreshToken: j.refresh_token, instanceUrl: j.instance_url };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}
