import type { OutboundPolicy } from '../net/outbound';
/** Configuration of the LinkedIn sources. Secrets (client secret, tokens) are never logged: see util/redact. */

/** Column mapping of the export file (its columns are not documented): our field → accepted header names. */
export interface ColumnMapping {
  recordId: string[];
  recordType: string[];
  status: string[];
  memberUrn: string[];
  crmAccountId: string[];
  currentCompanyName: string[];
  currentCompanyUrn: string[];
  flaggedAt: string[];
}

export interface SyncServicesConfig {
  /** Where requests may go (the doubles: loopback allowed); default: https to public addresses only. */
  outbound?: OutboundPolicy;
  /** API base, default https://api.linkedin.com/v2 (the doubles: http://127.0.0.1:<port>/v2). */
  apiBaseUrl?: string;
  /** Token endpoint, default https://www.linkedin.com/oauth/v2/accessToken. */
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  /** CRM instance: key `SFDC` or `DYNAMICS`, value the org id (Salesforce) / org GUID (Dataverse). */
  crmKey: string;
  crmInstanceValue: string;
  /** Profile Associations key parts: partner (`MS` for Dynamics) and instanceId (Dynamics: the org host name). */
  partner: string;
  associationInstanceId: string;
  columns?: Partial<ColumnMapping>;
  /** CSV separator of the export (sniffed from its header when not given). */
  delimiter?: string;
  /** Refresh the token this long before it expires (default 5 min). */
  tokenRefreshMarginMs?: number;
  /** 429/5xx retries (default 5) and backoff base/cap (default 1 s / 60 s). */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Export polling: first interval, cap, and overall limit (default 5 s, 5 min, 2 h as documented). */
  pollIntervalMs?: number;
  pollIntervalCapMs?: number;
  pollTimeoutMs?: number;
  /**
   * Association batches side by side: at most this many at once (default 4) and this many started per second
   * (default 20). LinkedIn publishes no per-second figure; its 429 is backed off.
   */
  concurrency?: number;
  requestsPerSecond?: number;
  /** Batch GET: max ids per request and max URL length (default 100 / 8,000 chars). */
  batchMaxIds?: number;
  maxUrlLength?: number;
  /** Per-request timeout of API calls (not downloads), default 60 s. */
  requestTimeoutMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  log?: (line: string) => void;
}

export interface FileSourceConfig {
  /** Export files (CSV, JSON lines or a JSON array; told apart by their first character), read in order. */
  exportFiles: string[];
  /** Optional associations file (CSV or JSON lines: recordId, memberUrn, profileUrl, photoUrl). */
  associationsFile?: string;
  columns?: Partial<ColumnMapping>;
  /** CSV separator (`;` for files from European spreadsheet programs); sniffed from the header when not given. */
  delimiter?: string;
  /** A file that is not UTF-8 is refused unless its encoding is declared here (e.g. `windows-1252`). */
  encoding?: string;
  now?: () => number;
}
