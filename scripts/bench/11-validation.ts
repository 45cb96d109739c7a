// Benchmark (not a test): Not-at-company decisions per second of the batch decide, on 1,000,000 deterministic
// inputs, in export-sized chunks the way the engine calls it. Prints decisions/s (target ≥ 200,000 on one core)
// and peak RSS. Generation is not timed; only decideValidationBatch is.
import { performance } from 'node:perf_hooks';
import { Random } from '../../shared-ts/src/demo/random';
import {
  decideValidationBatch,
  NOT_AT_COMPANY_STATES,
  type LinkedInEvidence,
  type ValidationAccount,
  type ValidationInput,
  type ValidationOutcome,
} from '../../shared-ts/src/domain/validation/index';

const TOTAL = 1_000_000;
const CHUNK = 50_000;
const TARGET = 200_000;
const NOW = Date.UTC(2026, 10, 22, 6, 0, 0);
const HOUR = 3_600_000;

const COMPANIES = [
  ['Acme Corporation Inc.', 'acme.com'],
  ['Bakkerij de Vries B.V.', 'bakkerijdevries.nl'],
  ['Société Générale d’Électricité S.A.', 'sge.fr'],
  ['Rossi & Figli S.p.A.', 'rossiefigli.it'],
  ['Müller Maschinenbau GmbH', 'mueller-maschinenbau.de'],
  ['Zürcher Kantonalbank AG', 'zkb.ch'],
  ['Van den Berg Logistiek N.V.', 'vdberg.be'],
  ['Ferrari Trasporti S.r.l.', 'ferraritrasporti.it'],
];
const ACCOUNTS: ValidationAccount[] = [];
for (let i = 0; i < 10_000; i++) {
  const [name, domain] = COMPANIES[i % COMPANIES.length];
  ACCOUNTS.push({
    id: `001${i}`,
    name: `${name} ${i}`,
    website: `https://www.${i}.${domain}`,
    companyUrn: i % 3 === 0 ? null : `urn:li:organization:${i}`,
  });
}

function generate(start: number, n: number, rand: () => number): ValidationInput[] {
  const rows = new Array<ValidationInput>(n);
  for (let j = 0; j < n; j++) {
    const i = start + j;
    const account = rand() < 0.97 ? ACCOUNTS[Math.floor(rand() * ACCOUNTS.length)] : null;
    const r = rand();
    let evidence: LinkedInEvidence | null = null;
    if (r < 0.6) {
      const other = ACCOUNTS[Math.floor(rand() * ACCOUNTS.length)];
      const s = rand();
      evidence = {
        memberUrn: `urn:li:person:M${i}`,
        status: s < 0.45 ? 'differs' : s < 0.7 ? 'left' : 'atCompany',
        currentCompany: { name: other.name, urn: other.companyUrn, domain: other.website },
        asOf: NOW - Math.floor(rand() * 72) * HOUR,
      };
    } else if (r < 0.61) {
      evidence = { memberUrn: `urn:li:person:M${i}`, status: 'differs', currentCompany: null, asOf: Number.NaN }; // malformed row
    }
    const c = rand();
    rows[j] = {
      contactId: `003${i}`,
      inScope: rand() < 0.9,
      current: c < 0.7 ? 'noFeedback' : c < 0.9 ? 'notAtCompany' : c < 0.995 ? 'ignore' : null,
      memberUrn: rand() < 0.8 ? `urn:li:person:M${i}` : null,
      account,
      crmModifiedAt: NOW - Math.floor(rand() * 30 * 24) * HOUR,
      lastValidatedAt: rand() < 0.1 ? null : NOW - Math.floor(rand() * 48) * HOUR,
      evidence,
    };
  }
  return rows;
}

// The demo's seeded PRNG (mulberry32), so every run decides the same million rows.
const random = new Random(20261122);
const rand = (): number => random.next();
const counts: Record<ValidationOutcome, number> = { flag: 0, clear: 0, unchanged: 0, skip: 0 };
let decideMs = 0;
let decideCpuMs = 0;
let genMs = 0;
for (let start = 0; start < TOTAL; start += CHUNK) {
  const g0 = performance.now();
  const rows = generate(start, Math.min(CHUNK, TOTAL - start), rand);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const res = decideValidationBatch(rows, NOW);
  const c1 = process.cpuUsage(c0);
  const t1 = performance.now();
  decideCpuMs += (c1.user + c1.system) / 1000;
  genMs += t0 - g0;
  decideMs += t1 - t0;
  for (const k of Object.keys(counts) as ValidationOutcome[]) counts[k] += res.counts[k];
}

const perSecond = Math.round(TOTAL / (decideMs / 1000));
// CPU time of this (single-threaded) process: the one-core figure even when other jobs share the machine.
const perCpuSecond = Math.round(TOTAL / (decideCpuMs / 1000));
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`validation decide: ${TOTAL.toLocaleString('en')} rows in chunks of ${CHUNK.toLocaleString('en')}`);
console.log(
  `  outcomes: flag ${counts.flag}, clear ${counts.clear}, unchanged ${counts.unchanged}, skip ${counts.skip} (states: ${NOT_AT_COMPANY_STATES.join('/')})`,
);
console.log(
  `  batch decide: ${decideCpuMs.toFixed(0)} ms CPU → ${perCpuSecond.toLocaleString('en')} decisions/s on one core (target ≥ ${TARGET.toLocaleString('en')}: ${perCpuSecond >= TARGET ? 'met' : 'NOT met'})`,
);
console.log(
  `  wall clock: ${decideMs.toFixed(0)} ms → ${perSecond.toLocaleString('en')} decisions/s (lower when the machine is shared)`,
);
console.log(`  input generation (not timed above): ${genMs.toFixed(0)} ms`);
console.log(`  peak RSS: ${rssMb.toFixed(0)} MB`);
