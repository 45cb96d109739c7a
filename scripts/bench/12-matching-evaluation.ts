// Matching evaluation (npm run bench; prints figures, not a test): the labelled company and people pairs of
// shared-ts/test/fixtures/matching-eval (public sources and hand-labelled hard cases, see its SOURCES.md).
// Companies: "same company" as validation decides it (URN, then domains, then names); precision and recall per class.
// People: what the matcher would auto-match (high) or suggest (medium) for each labelled pair.
// Targets: company recall >= 99 % on non-trivial variants (more than a case change), false "same company"
// <= 0.5 %; people auto-match precision >= 99.9 %.
import { isSameCompany, prepareCompany, scorePerson, type Confidence } from '../../shared-ts/src/domain/matching/index';
import { companySamenessOf } from '../../shared-ts/src/domain/validation/sameCompany';
import {
  companyNames,
  loadCompanyPairs,
  loadPeoplePairs,
  type CompanyPair,
} from '../../shared-ts/test/fixtures/matching-eval/evaluationSet';

const pct = (n: number, d: number): string => (d === 0 ? '   -   ' : `${((n / d) * 100).toFixed(2).padStart(6)} %`);

interface Tally {
  pairs: number;
  labelledSame: number;
  predictedSame: number;
  truePositive: number;
  uncertain: number;
}

const tally = (): Tally => ({ pairs: 0, labelledSame: 0, predictedSame: 0, truePositive: 0, uncertain: 0 });

/** Same / different / uncertain as validation judges the LinkedIn current company against the account. */
function sameness(p: CompanyPair): string {
  return companySamenessOf(
    { id: 'a', name: p.a, website: p.aDomain || null, companyUrn: p.aUrn || null },
    { name: p.b, urn: p.bUrn || null, domain: p.bDomain || null },
  );
}

const companyPairs = loadCompanyPairs();
const byClass = new Map<string, Tally>();
const overall = tally();
const nonTrivial = tally();
for (const p of companyPairs) {
  const verdict = sameness(p);
  const same = verdict === 'same';
  const key = `${p.class} (${p.source}, ${p.label})`;
  const t = byClass.get(key) ?? tally();
  byClass.set(key, t);
  for (const x of p.class === 'case' ? [t, overall] : [t, overall, nonTrivial]) {
    x.pairs++;
    if (p.label === 'same') x.labelledSame++;
    if (same) x.predictedSame++;
    if (same && p.label === 'same') x.truePositive++;
    if (verdict === 'uncertain') x.uncertain++;
  }
}

console.log(
  `company pairs: ${companyPairs.length} labelled (${companyPairs.filter((p) => p.label === 'same').length} same, ` +
    `${companyPairs.filter((p) => p.label === 'different').length} different)`,
);
console.log('  class (source, label)                      pairs  "same"  uncertain  recall / false-same rate');
for (const [key, t] of [...byClass.entries()].sort()) {
  const isSame = t.labelledSame > 0;
  const rate = isSame ? `recall ${pct(t.truePositive, t.labelledSame)}` : `false same ${pct(t.predictedSame, t.pairs)}`;
  const counts = [t.pairs, t.predictedSame, t.uncertain].map((n, i) => String(n).padStart([5, 7, 10][i])).join(' ');
  console.log(`  ${key.padEnd(42)} ${counts}  ${rate}`);
}
const differentPairs = overall.pairs - overall.labelledSame;
const falseSame = overall.predictedSame - overall.truePositive;
console.log(
  `  overall: precision ${pct(overall.truePositive, overall.predictedSame)}, recall ${pct(overall.truePositive, overall.labelledSame)}; ` +
    `non-trivial recall ${pct(nonTrivial.truePositive, nonTrivial.labelledSame)} (target >= 99 %); ` +
    `false "same company" ${pct(falseSame, differentPairs)} of ${differentPairs} different pairs (target <= 0.5 %)`,
);

// Every two different companies of the public list, by name alone: each "same" is a false one.
const names = companyNames();
const keys = names.map((n) => prepareCompany(n));
let allPairs = 0;
const collisions: string[] = [];
for (let i = 0; i < keys.length; i++) {
  for (let j = i + 1; j < keys.length; j++) {
    allPairs++;
    if (isSameCompany(keys[i], keys[j])) collisions.push(`${names[i]} / ${names[j]}`);
  }
}
console.log(
  `  all ${allPairs.toLocaleString('en-US')} pairs of the ${names.length} listed (different) companies by name alone: ` +
    `${collisions.length} called the same (${pct(collisions.length, allPairs)}): ${collisions.join('; ')}`,
);

const peoplePairs = loadPeoplePairs();
const people = new Map<string, Record<Confidence, number> & { label: string }>();
let autoRight = 0;
let autoWrong = 0;
let suggestedWrong = 0;
for (const p of peoplePairs) {
  const score = scorePerson(
    {
      firstName: p.crmFirst,
      lastName: p.crmLast,
      email: p.crmEmail || null,
      companyName: p.crmCompany,
      accountWebsite: p.crmWebsite || null,
      title: p.crmTitle || null,
    },
    {
      firstName: p.liFirst,
      lastName: p.liLast,
      email: p.liEmail || null,
      positions: [
        { companyName: p.liCompany, companyWebsite: p.liWebsite || null, title: p.liTitle || null, current: true },
      ],
    },
  );
  const key = `${p.class} (${p.source})`;
  const row = people.get(key) ?? { high: 0, medium: 0, low: 0, none: 0, label: p.label };
  people.set(key, row);
  row[score.confidence]++;
  if (score.confidence === 'high') {
    if (p.label === 'same') autoRight++;
    else autoWrong++;
  }
  if (score.confidence === 'medium' && p.label === 'different') suggestedWrong++;
}
console.log(
  `people pairs: ${peoplePairs.length} labelled (${peoplePairs.filter((p) => p.label === 'same').length} same person)`,
);
console.log('  class (source)                    pairs  label       high  medium    low   none');
for (const [key, r] of [...people.entries()].sort()) {
  const n = r.high + r.medium + r.low + r.none;
  console.log(
    `  ${key.padEnd(32)} ${String(n).padStart(5)}  ${r.label.padEnd(9)} ${[r.high, r.medium, r.low, r.none].map((x) => String(x).padStart(6)).join(' ')}`,
  );
}
console.log(
  `  auto-match (high): ${autoRight + autoWrong} pairs, ${autoWrong} wrong: precision ${pct(autoRight, autoRight + autoWrong)} (target >= 99.9 %); ` +
    `recall of same-person pairs ${pct(autoRight, peoplePairs.filter((p) => p.label === 'same').length)}; different people suggested (medium): ${suggestedWrong}`,
);
