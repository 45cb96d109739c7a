import type { OutboundPolicy } from '../net/outbound';

/** How the engine builds a gateway. Credentials come from the engine's config/env; they are never logged. */

export interface SalesforceConfig {
  /** Where requests may go (the doubles: loopback allowed); default: https to public addresses only. */
  outbound?: OutboundPolicy;
  /** e.g. https://mydomain.my.salesforce.com (or http://127.0.0.1:<port> for the double). */
  instanceUrl: string;
  /** OAuth token endpoint base for the client-credentials flow (defaults to instanceUrl). */
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** A ready access token (tests, or when the caller mints tokens itself). */
  accessToken?: string;
  /**
   * Access tokens of a signed-in user (from a saved refresh token): called once to open the session and with
   * `forceRefresh` when Salesforce answers INVALID_SESSION_ID. `instanceUrl` is where the org's API is.
   */
  getToken?: (forceRefresh?: boolean) => Promise<{ value: string; instanceUrl?: string }>;
  /** Package namespace; null/'' in an org without the managed package (scratch org). Default 'navsync'. */
  namespace?: string | null;
  /** API version; default '66.0'. */
  apiVersion?: string;
  /** Writes above this many records go through Bulk API 2.0 (default 200: Collections take ≤ 200 per call). */
  bulkThreshold?: number;
  /** Queries selecting more records than this are read through a Bulk API 2.0 query job (default 10,000). */
  bulkQueryThreshold?: number;
  /** Rows per Bulk query results set (maxRecords; default 50,000). */
  bulkQueryMaxRecords?: number;
  /** Bulk job polling (ms). */
  bulkPollIntervalMs?: number;
  bulkPollTimeoutMs?: number;
  /** Raw CSV bytes per Bulk upload (default and ceiling BULK_MAX_BYTES; smaller in tests of the split). */
  bulkMaxUploadBytes?: number;
  /** Requests in flight at once (default 8; the platform refuses more than 25 long-running ones). */
  concurrency?: number;
  /** jsforce HTTP retries (default 5 retries from 500 ms). */
  retry?: RetryOptions;
  log?: (line: string) => void;
}

export interface DataverseConfig {
  /** Where requests may go (the doubles: loopback allowed); default: https to public addresses only. */
  outbound?: OutboundPolicy;
  /** e.g. https://org.crm4.dynamics.com (or http://127.0.0.1:<port> for the double). */
  url: string;
  /** Returns a bearer token; called before requests, with `forceRefresh` after a 401 (cache it yourself). */
  getToken: (forceRefresh?: boolean) => Promise<string>;
  /** Web API version; default '9.2'. */
  apiVersion?: string;
  /** Operations per `$batch` change set (max 1000, default 1000). */
  batchSize?: number;
  /** Prefer odata.maxpagesize (default 5000). */
  pageSize?: number;
  /** Requests in flight at once (default 16; service protection allows 52 per user). */
  concurrency?: number;
  /** Retries of 429/503 honouring Retry-After (default 5). */
  maxRetries?: number;
  /** A request without an answer after this long is given up (default 300,000 ms). */
  requestTimeoutMs?: number;
  /** Injectable sleep for tests (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

/** HTTP retry of the platform client (jsforce retries GET/PUT/DELETE on 420/429/5xx and network errors). */
export interface RetryOptions {
  maxRetries?: number;
  minTimeoutMs?: number;
}
