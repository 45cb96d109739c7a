/**
 * The `$batch` body of the Dataverse Web API (OData 4.0 multipart/mixed; dataverse-api.md §5): requests composed
 * with CRLF line ends, one part each or one change set holding them, and the answer split back into one
 * status, headers and body per part, in order (change sets answer inside a nested multipart).
 */
import { randomUUID } from 'node:crypto';

export interface PartRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The request's URL: absolute, or relative to the service root. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface PartAnswer {
  status: number;
  headers: Record<string, string>;
  /** The JSON body, or the text when it is not JSON, or undefined when empty. */
  body: unknown;
}

const CRLF = '\r\n';

function httpRequest(r: PartRequest, contentId: number | undefined): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (contentId !== undefined) lines.push(`Content-ID: ${contentId}`);
  lines.push('', `${r.method} ${r.url} HTTP/1.1`, 'Accept: application/json');
  for (const [k, v] of Object.entries(r.headers ?? {})) lines.push(`${k}: ${v}`);
  if (r.body !== undefined) lines.push('Content-Type: application/json; type=entry', '', JSON.stringify(r.body));
  else lines.push('');
  return lines.join(CRLF);
}

/**
 * A `$batch` body and its Content-Type. In a change set every request gets a Content-ID (required there, and
 * unique in the batch) and the set is applied whole or not at all; GETs may not be in a change set.
 */
export function composeBatch(
  requests: readonly PartRequest[],
  changeSet: boolean,
): { contentType: string; body: string } {
  const batch = `batch_${randomUUID()}`;
  let body: string;
  if (changeSet) {
    const set = `changeset_${randomUUID()}`;
    const inner = requests.map((r, i) => `--${set}${CRLF}${httpRequest(r, i + 1)}${CRLF}`).join('');
    body = `--${batch}${CRLF}Content-Type: multipart/mixed; boundary=${set}${CRLF}${CRLF}${inner}--${set}--${CRLF}`;
  } else {
    body = requests.map((r) => `--${batch}${CRLF}${httpRequest(r, undefined)}${CRLF}`).join('');
  }
  return { contentType: `multipart/mixed; boundary=${batch}`, body: `${body}--${batch}--${CRLF}` };
}

export function boundaryOf(contentType: string | null | undefined): string | null {
  return (
    /boundary=(?:"([^"]+)"|([^;\s]+))/i
      .exec(contentType ?? '')
      ?.slice(1)
      .find(Boolean) ?? null
  );
}

/** Splits `text` at a boundary's delimiter lines; what comes before the first and after the last is not a part. */
function sections(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) out.push(current.join(CRLF));
      current = trimmed === delimiter ? [] : null;
      if (!current) break;
      continue;
    }
    current?.push(line);
  }
  return out;
}

/** Header block and the rest, split at the first empty line. */
function headAndRest(text: string): [Record<string, string>, string] {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rest = m ? text.slice(m.index + m[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return [headers, rest];
}

function httpAnswer(text: string): PartAnswer {
  const nl = /\r?\n/.exec(text);
  const statusLine = nl ? text.slice(0, nl.index) : text;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine.trim())?.[1]);
  if (!status) throw new Error(`$batch answer part without a status line: '${statusLine.slice(0, 80)}'`);
  const [headers, raw] = headAndRest(nl ? text.slice(nl.index + nl[0].length) : '');
  return { status, headers, body: bodyOf(raw.trim()) };
}

/** An answer's body: its JSON, or its text when it is not JSON, or undefined when it is empty. */
export function bodyOf(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The answers of a `$batch`, one per request in the order sent (a change set's answers in its place). */
export function parseBatch(text: string, contentType: string | null | undefined): PartAnswer[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error(`$batch answer is not multipart (Content-Type '${contentType ?? ''}')`);
  const out: PartAnswer[] = [];
  for (const section of sections(text, boundary)) {
    const [headers, rest] = headAndRest(section);
    const nested = /multipart\/mixed/i.test(headers['content-type'] ?? '') ? boundaryOf(headers['content-type']) : null;
    if (nested) for (const inner of sections(rest, nested)) out.push(httpAnswer(headAndRest(inner)[1]));
    else out.push(httpAnswer(rest));
  }
  return out;
}
