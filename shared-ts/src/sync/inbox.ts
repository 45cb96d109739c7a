import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ActivityType } from '../crm/gateway';

/** One write-back inbox line (JSON lines): a Sales Navigator activity to record in the CRM. */
export interface InboxActivity {
  id: string;
  kind: ActivityType;
  /** The seat holder's e-mail (as on their CRM user). */
  seatHolder: string;
  memberUrn: string | null;
  name: string;
  email: string | null;
  company: string | null;
  time: string;
  subject: string;
  body: string;
  /** Where it was logged (calls are written back only from the mobile app). */
  channel: 'desktop' | 'mobile' | null;
  optOut: boolean;
}

export type InboxItem = { ok: true; activity: InboxActivity } | { ok: false; line: number; reason: string };

const KINDS: readonly ActivityType[] = ['inmail', 'message', 'note', 'call'];

/** A field of an activity that is missing or wrong, with the reason (the write-back endpoint lists them all). */
export interface FieldError {
  field: string;
  reason: string;
}

export type ActivityCheck = { ok: true; activity: InboxActivity } | { ok: false; errors: FieldError[] };

/** The rules of a write-back activity, for inbox lines and for the write-back endpoint alike: every error found. */
export function checkActivity(value: unknown): ActivityCheck {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, errors: [{ field: '', reason: 'not a JSON object' }] };
  const v = value as Record<string, unknown>;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const errors: FieldError[] = [];
  const id = s('id');
  if (!id || !id.trim()) errors.push({ field: 'id', reason: 'missing id' });
  const kind = s('kind');
  if (!kind || !KINDS.includes(kind as ActivityType))
    errors.push({ field: 'kind', reason: `unknown kind ${JSON.stringify(v.kind)}` });
  const seatHolder = s('seatHolder');
  if (!seatHolder) errors.push({ field: 'seatHolder', reason: 'missing seatHolder' });
  const time = s('time');
  if (!time || Number.isNaN(Date.parse(time))) errors.push({ field: 'time', reason: 'missing or invalid time' });
  const name = s('name') ?? '';
  const memberUrn = s('memberUrn');
  if (!name && !memberUrn) errors.push({ field: 'name', reason: 'no person (neither name nor memberUrn)' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    activity: {
      id: (id as string).trim(),
      kind: kind as ActivityType,
      seatHolder: (seatHolder as string).trim().toLowerCase(),
      memberUrn,
      name,
      email: s('email'),
      company: s('company'),
      time: new Date(Date.parse(time as string)).toISOString(),
      subject: s('subject') ?? '',
      body: s('body') ?? '',
      channel: v.channel === 'mobile' || v.channel === 'desktop' ? v.channel : null,
      optOut: v.optOut === true,
    },
  };
}

/** Validate one parsed line; a bad line is reported with its (first) reason, never fatal. */
export function parseInboxLine(text: string, line: number): InboxItem {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, line, reason: 'not valid JSON' };
  }
  const c = checkActivity(v);
  return c.ok ? c : { ok: false, line, reason: c.errors[0].reason };
}

/** Stream the inbox file line by line (it only grows; a rerun reads it again and upserts by key). */
export async function* readInbox(path: string | undefined): AsyncGenerator<InboxItem> {
  if (!path || !existsSync(path)) return;
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (!text.trim()) continue;
    yield parseInboxLine(text, n);
  }
}
