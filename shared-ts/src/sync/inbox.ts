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

/** Validate one parsed line; a bad line is reported with its reason, never fatal. */
export function parseInboxLine(text: string, line: number): InboxItem {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, line, reason: 'not valid JSON' };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, line, reason: 'not a JSON object' };
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const id = s('id');
  if (!id || !id.trim()) return { ok: false, line, reason: 'missing id' };
  const kind = s('kind');
  if (!kind || !KINDS.includes(kind as ActivityType)) return { ok: false, line, reason: `unknown kind ${JSON.stringify(v.kind)}` };
  const seatHolder = s('seatHolder');
  if (!seatHolder) return { ok: false, line, reason: 'missing seatHolder' };
  const time = s('time');
  if (!time || Number.isNaN(Date.parse(time))) return { ok: false, line, reason: 'missing or invalid time' };
  const name = s('name') ?? '';
  const memberUrn = s('memberUrn');
  if (!name && !memberUrn) return { ok: false, line, reason: 'no person (neither name nor memberUrn)' };
  return {
    ok: true,
    activity: {
      id: id.trim(),
      kind: kind as ActivityType,
      seatHolder: seatHolder.trim().toLowerCase(),
      memberUrn,
      name,
      email: s('email'),
      company: s('company'),
      time: new Date(Date.parse(time)).toISOString(),
      subject: s('subject') ?? '',
      body: s('body') ?? '',
      channel: v.channel === 'mobile' || v.channel === 'desktop' ? v.channel : null,
      optOut: v.optOut === true,
    },
  };
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
