/**
 * The few Web API calls the settings page makes, behind an interface: in Dataverse it is `fetch` against the
 * same-origin /api/data/v9.2/ (the session cookie authenticates; metadata writes are not possible through
 * Xrm.WebApi), in tests the same class talks to a loopback double.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface WebApiResponse {
  status: number;
  body: unknown;
}

export interface WebApi {
  request(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): Promise<WebApiResponse>;
}

export class WebApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'WebApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * A WebApiError, also one made by another bundle's copy of the class (the data validation flow is its own script,
 * dataValidation.js, and gets the settings page's Web API client).
 */
export function isWebApiError(err: unknown): err is WebApiError {
  return err instanceof Error && err.name === 'WebApiError';
}

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; credentials?: 'same-origin' },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export class FetchWebApi implements WebApi {
  private readonly base: string;
  private readonly fetchImpl: FetchLike;
  /** `base` ends with `/api/data/v9.2/`. */
  constructor(base: string, fetchImpl: FetchLike) {
    this.base = base.endsWith('/') ? base : `${base}/`;
    this.fetchImpl = fetchImpl;
  }

  async request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<WebApiResponse> {
    const res = await this.fetchImpl(this.base + path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json; charset=utf-8',
        'OData-MaxVersion': '4.0',
        'OData-Version': '4.0',
        'If-None-Match': 'null',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (res.status >= 400) {
      const err = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new WebApiError(res.status, err?.code ?? '', err?.message ?? `HTTP ${res.status}`);
    }
    return { status: res.status, body: parsed };
  }
}
