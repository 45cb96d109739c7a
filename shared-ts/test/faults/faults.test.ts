import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CrmGateway } from '../../src/crm/gateway';
import { renderReportPage, escapeHtml } from '../../src/demo/reportPage';
import { inboxJsonLines } from '../../src/demo/dataset';
import { DV, DV_VALUES, SF, SF_VALUES } from '../../src/domain/crmSchema';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import type { DemoCrm } from '../../src/demo/ids';
import { HOSTILE_COMPANIES, HOSTILE_PEOPLE } from '../../src/demo/names';
import { soqlString } from '../../src/crm/salesforce';
import { odataString, xmlAttr } from '../../src/crm/dataverse';
import { parseSoql } from '../../src/doubles/soql';
import { parseFetchXml, parseFilter } from '../../src/doubles/odata';
import { crmDouble, failNextWrites, snapshot, startEnv, smallWorld, type CrmSnapshot, type Env } from './harness';

const CRMS: DemoCrm[] = ['salesforce', 'dataverse'];

/** A contact a rep matched by hand to a member the CRM did not know (so the open activities can be resolved). */
function seedStranger(env: Env, crm: DemoCrm, urn: string): void {
  const n = urn.replace(/\D/g, '');
  if (crm === 'salesforce') {
    const sf = env.salesforce;
    sf.insert('Contact', {
      FirstName: 'Hand',
      LastName: `Matched ${n}`,
      [sf.f(SF.person.memberUrn)]: urn,
      [sf.f(SF.person.matchSource)]: SF_VALUES.matchSource.manual,
    });
  } else {
    env.dataverse.insert('contact', {
      firstname: 'Hand',
      lastname: `Matched ${n}`,
      statecode: 0,
      [DV.person.memberUrn]: urn,
      [DV.person.matchSource]: DV_VALUES.matchSource.manual,
    });
  }
}

/** "First Last" of every contact and lead in the CRM double. */
function crmPeople(env: Env, crm: DemoCrm): string[] {
  if (crm === 'salesforce')
    return [...env.salesforce.all('Contact'), ...env.salesforce.all('Lead')].map((c) => `${c.FirstName} ${c.LastName}`);
  return [...env.dataverse.all('contact'), ...env.dataverse.all('lead')].map((c) => `${c.firstname} ${c.lastname}`);
}

describe.each(CRMS)('fault suite: %s', (crm) => {
  const data = smallWorld();
  let baseline: CrmSnapshot;
  let baselineReport: RunReport;
  let env: Env | null = null;

  const step = (r: RunReport, name: string) => r.steps.find((s) => s.name === name);

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      baselineReport = await runCycle(e.options(crm));
      baseline = snapshot(e, crm);
    } finally {
      await e.cleanup();
    }
  });

  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  /** The fault-free run is the reference: a faulty run (plus reruns) must end in exactly the same CRM state. */
  function expectSameAsBaseline(s: CrmSnapshot) {
    expect(s.doubledActivities).toEqual([]);
    expect(s.activityCount).toBe(baseline.activityCount);
    expect(s.activities).toEqual(baseline.activities);
    expect(s.people).toEqual(baseline.people);
  }

  test('the fault-free baseline flags, clears and writes back something (so the comparisons mean something)', () => {
    expect(baselineReport.ok).toBe(true);
    const v = step(baselineReport, 'validation');
    expect(v?.counts.flag).toBeGreaterThan(5);
    expect(v?.counts.clear).toBeGreaterThan(0);
    expect(baseline.activityCount).toBeGreaterThan(20);
    expect(Object.values(baseline.activities).some((a) => a.endsWith('|open'))).toBe(true);
  });

  test('LinkedIn 429 storm: backoff rides it out, nothing lost or doubled', async () => {
    env = await startEnv(data);
    // Five 429s in a row on the export and five on the association lookups (LinkedIn sends no Retry-After).
    env.linkedin[crm].failNext(5, {
      status: 429,
      body: '{"status":429,"message":"Too many requests"}',
      kinds: ['exportCreate'],
    });
    env.linkedin[crm].failNext(5, {
      status: 429,
      body: '{"status":429,"message":"Too many requests"}',
      kinds: ['associationBatch'],
    });
    const r = await runCycle(env.options(crm));
    expect(r.ok).toBe(true);
    expect(env.linkedin[crm].log.filter((l) => l.status === 429).length).toBe(10);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('LinkedIn daily limit: validation stops cleanly with the cursor unchanged, the other steps still run, the next run catches up', async () => {
    env = await startEnv(data);
    env.linkedin[crm].setDailyLimit(true);
    const opts = env.options(crm);
    const first = await runCycle(opts);
    expect(step(first, 'validation')?.status).toBe('failed');
    expect(step(first, 'validation')?.error?.detail).toMatch(/resumes at \d{4}-\d\d-\d\dT00:00:00/);
    expect(step(first, 'writeBack')?.status).toBe('ok');
    expect((await opts.crm.readSettings()).exportCursor).toBeNull();
    env.linkedin[crm].setDailyLimit(false);
    const next = await runCycle(opts);
    expect(next.ok).toBe(true);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('CRM 5xx: the failing step is reported, a rerun completes, nothing lost or doubled', async () => {
    env = await startEnv(data);
    const e = env;
    // Once the connection is checked, the CRM's write endpoint fails three times.
    const inject = (line: string) => {
      if (line.startsWith('▶ validation')) failNextWrites(e, crm, 3);
    };
    const first = await runCycle({ ...env.options(crm), progress: inject });
    expect(first.ok).toBe(false);
    const failed = first.steps.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.error?.detail).join(' ')).toMatch(/SERVER_UNAVAILABLE/);
    // The daily schedule runs again; each rerun heals what the outage left (at most two more here).
    let runs = 1;
    let last = first;
    while (!last.ok && runs < 3) {
      last = await runCycle(env.options(crm));
      runs++;
    }
    expect(last.ok).toBe(true);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('expired download URL: the job is read again for fresh URLs', async () => {
    env = await startEnv(data);
    env.linkedin[crm].failNext(1, { status: 403, body: 'Signature expired', kinds: ['download'] });
    const r = await runCycle(env.options(crm));
    expect(r.ok).toBe(true);
    expect(step(r, 'validation')?.counts.flag).toBe(step(baselineReport, 'validation')?.counts.flag);
    expect(r.requests.linkedin.byKind.exportGet).toBeGreaterThan(
      step(baselineReport, 'validation') ? baselineReport.requests.linkedin.byKind.exportGet : 0,
    );
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('token expiry mid-run (CRM and LinkedIn): new tokens are fetched, the run completes', async () => {
    env = await startEnv(data);
    const e = env;
    let expired = false;
    const opts = e.options(crm);
    // Both tokens expire once LinkedIn has issued one, just before the first association lookup (steps run side
    // by side, so the lookup is the moment the run surely still needs both platforms).
    const linkedin = Object.create(opts.linkedin) as typeof opts.linkedin;
    linkedin.getAssociations = async (ids) => {
      while (!expired && e.linkedin[crm].tokensIssued < 1) await new Promise((r) => setTimeout(r, 5));
      if (!expired) {
        expired = true;
        crmDouble(e, crm).expireTokens();
        e.linkedin[crm].expireTokens();
      }
      return opts.linkedin.getAssociations(ids);
    };
    const r = await runCycle({ ...opts, linkedin });
    expect(expired).toBe(true);
    expect(r.ok).toBe(true);
    expect(r.requests.linkedin.byKind.token).toBeGreaterThanOrEqual(2);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('crash between apply and cursor save: the rerun repeats the export idempotently (no lost flag, no doubled activity)', async () => {
    env = await startEnv(data);
    const opts = env.options(crm);
    // The process "dies" right after the flags were applied: the cursor save never happens.
    const crashing: CrmGateway = Object.create(opts.crm);
    crashing.writeSettings = async (patch) => {
      if (patch.exportCursor !== undefined) throw new Error('process killed before the cursor was saved');
      return opts.crm.writeSettings(patch);
    };
    const first = await runCycle({ ...opts, crm: crashing });
    expect(step(first, 'validation')?.status).toBe('failed');
    expect((await opts.crm.readSettings()).exportCursor).toBeNull();
    expect(step(first, 'validation')?.counts.applied).toBeGreaterThan(0); // the flags did reach the CRM
    const rerun = await runCycle(opts);
    expect(rerun.ok).toBe(true);
    expect((await opts.crm.readSettings()).exportCursor).not.toBeNull();
    // The rerun re-read the same rows: already applied flags are "unchanged", not re-written twice.
    expect(step(rerun, 'validation')?.counts.unchanged).toBeGreaterThan(0);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('changes applied in rounds (a huge export): same end state; a round that fails keeps the cursor, the rerun completes', async () => {
    env = await startEnv(data);
    const opts = env.options(crm, { validationApplyEvery: 10 });
    // The second round of changes is refused as a whole (the CRM is down for that one request).
    let rounds = 0;
    const flaky: CrmGateway = Object.create(opts.crm);
    flaky.updatePeople = async (updates) => {
      if (++rounds === 2) return { succeeded: [], failed: [], unprocessed: [...updates].map((u) => u.id) };
      return opts.crm.updatePeople(updates);
    };
    const first = await runCycle({ ...opts, crm: flaky });
    const v = step(first, 'validation');
    expect(v?.counts.applies).toBeGreaterThan(2);
    expect(v?.status).toBe('partial');
    expect(v?.counts.unprocessed).toBeGreaterThan(0);
    expect((await opts.crm.readSettings()).exportCursor).toBeNull();
    const rerun = await runCycle(opts);
    expect(step(rerun, 'validation')?.counts.cursorSaved).toBe(1);
    expectSameAsBaseline(snapshot(env, crm));
  });

  test('CRM outage while completing unresolved activities from the CRM: reported, the next run completes them, nothing lost or doubled', async () => {
    env = await startEnv(data);
    const e = env;
    await runCycle(e.options(crm));
    const before = snapshot(e, crm);
    // LinkedIn no longer lists the unresolved activities; their people appear in the CRM with the member URN.
    const strangers = data.inbox.filter((a) => a.memberUrn.startsWith('urn:li:person:new'));
    writeFileSync(e.inboxFile, inboxJsonLines(data.inbox.filter((a) => !strangers.includes(a))));
    const open = Object.entries(before.activities)
      .filter(([, v]) => v.endsWith('|open'))
      .map(([k]) => k);
    expect(open.length).toBeGreaterThan(3);
    for (const a of strangers) seedStranger(e, crm, a.memberUrn);
    const inject = (line: string) => {
      if (line.startsWith('writeBack: completing')) failNextWrites(e, crm, 3);
    };
    const first = await runCycle({ ...e.options(crm), progress: inject }, ['writeBack']);
    expect(step(first, 'writeBack')?.status).not.toBe('ok');
    // Salesforce: the Collections call fails as a whole (the step's error); Dataverse: the $batch is reported unprocessed.
    expect(JSON.stringify(step(first, 'writeBack'))).toMatch(
      crm === 'salesforce' ? /SERVER_UNAVAILABLE/ : /not processed by the CRM/,
    );
    expect(snapshot(e, crm).activities).toEqual(before.activities); // nothing half-written
    crmDouble(e, crm).clearFaults(); // the outage is over
    const rerun = await runCycle(e.options(crm), ['writeBack']);
    expect(step(rerun, 'writeBack')?.counts.reResolvedFromCrm).toBe(open.length);
    const after = snapshot(e, crm);
    expect(after.doubledActivities).toEqual([]);
    expect(after.activityCount).toBe(before.activityCount);
    expect(Object.keys(after.activities).sort()).toEqual(Object.keys(before.activities).sort());
    for (const key of open) expect(after.activities[key]).toMatch(/^[^|]+\|closed$/);
  });

  test('malformed, duplicate and unknown-id export rows are reported with a reason and skipped', () => {
    const v = step(baselineReport, 'validation');
    const defects = data.exportRows.filter((r) => r.defect);
    expect(v?.counts.duplicates).toBe(defects.filter((d) => d.defect === 'duplicate').length);
    expect(v?.counts.unknown).toBe(defects.filter((d) => d.defect === 'unknown-id').length);
    expect(v?.counts.rejected).toBe(
      defects.filter((d) => ['bad-id', 'missing-id', 'bad-type', 'bad-time'].includes(d.defect as string)).length,
    );
    const reasons = (v?.problems ?? []).map((p) => p.reason).join('\n');
    expect(reasons).toMatch(/duplicate row/);
    expect(reasons).toMatch(/the CRM has no contact with this id/);
    expect(reasons).toMatch(/neither contact nor lead/);
    expect(reasons).toMatch(/unreadable date/);
    // Every good row was decided: none lost.
    const good = data.exportRows.filter((r) => !r.defect).length;
    expect((v?.counts.flag ?? 0) + (v?.counts.clear ?? 0) + (v?.counts.unchanged ?? 0) + (v?.counts.skipped ?? 0)).toBe(
      good,
    );
  });

  test('injection-looking names and companies: stored verbatim, harmless in SOQL, CSV and HTML', async () => {
    env = await startEnv(data);
    const opts = env.options(crm);
    const r = await runCycle(opts);
    // SOQL / OData: a key that tries to widen the WHERE clause matches nothing (escaped literal), the query does not fail.
    const hostile = await (async () => {
      const out = [];
      for await (const page of opts.crm.activities({ keys: ["x' OR Id != null OR Subject = '"] })) out.push(...page);
      return out;
    })();
    expect(hostile).toEqual([]);
    // The hostile names are in the CRM unchanged.
    const names = crmPeople(env, crm);
    expect(names).toContain("Robert x' OR 1=1 --");
    expect(names.some((n) => n.includes('=HYPERLINK('))).toBe(true);
    // CSV: auto-save files parse back to the exact values, formulas neutralised with a leading apostrophe.
    const dir = opts.outDir as string;
    const cells: string[] = [];
    for (const f of readdirSync(dir))
      for (const row of parse(readFileSync(join(dir, f), 'utf8')) as string[][]) cells.push(...row);
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
    // HTML: hostile text is escaped in the report page.
    const html = renderReportPage(
      [
        {
          crmLabel: crm,
          report: r,
          atRisk: [],
          notAtCompany: [
            { name: '<script>alert(1)</script>', company: 'Müller "AG"', linkedinCompany: "x' OR 1=1 --" },
          ],
          unresolved: [],
        },
      ],
      'en',
      new Date(0),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).toContain('Müller &quot;AG&quot;');
  });
});

describe('injection-looking names in query languages', () => {
  // Every hostile name and company of the demo world, through each escaper, parsed back by the doubles' parsers:
  // one condition whose value is the exact text, never a widened WHERE clause.
  const hostile = [...HOSTILE_PEOPLE.flatMap((p) => [p.first, p.last]), ...HOSTILE_COMPANIES];
  test.each(hostile)('%s stays one literal in SOQL, OData and FetchXML', (text) => {
    const soql = parseSoql(`SELECT Id FROM Contact WHERE LastName = ${soqlString(text)}`);
    expect(soql.where).toEqual({ k: 'cmp', field: 'LastName', op: '=', value: text, isDate: false });
    expect(parseFilter(`lastname eq ${odataString(text)}`)).toEqual({
      k: 'cmp',
      field: 'lastname',
      op: '=',
      value: text,
      isDate: false,
    });
    const fetch = parseFetchXml(
      `<fetch><entity name="contact"><attribute name="lastname" /><filter><condition attribute="lastname" operator="eq" value="${xmlAttr(text)}" /></filter></entity></fetch>`,
    );
    expect(fetch.where).toEqual({ k: 'cmp', field: 'lastname', op: '=', value: text, isDate: false });
  });
});
