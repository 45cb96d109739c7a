// Matching evaluation (npm run bench; prints figures, not a test): the labelled company and people pairs of
// shared-ts/test/fixtures/matching-eval (public sources and hand-labelled hard cases, see its SOURCES.md).
// Companies: "same company" as validation decides it (URN, then domains, then names); precision and recall per class.
// People: what the matcher would auto-match (high) or suggest (medium) for each labelled pair.
// Targets: company recall >= 99 % on non-trivial variants (more than a case change), false "same company"
// <= 0.5 %; people auto-match precision >= 99.9 %.
import { scorePerson, type Confidence } from '../../shared-ts/src/domain/matching/index';
import { sameCompanyAsAccount } from '../../shared-ts/src/domain/validation/sameCompany';
import { loadCompanyPairs, loadPeoplePairs, type CompanyPair } from './lib/matchingEvalData';

const pct = (n: number, d: number): string => (d === 0 ? '   -   ' : `${((n / d) * 100).toFixed(2).padStart(6)} %`);

interface Tally {
  pairs: number;
  labelledSame: number;
  predictedSame: number;
  truePositive: number;
}

const tally = (): Tally => ({ pairs: 0, labelledSame: 0, predictedSame: 0, truePositive: 0 });

function predictSame(p: CompanyPair): boolean {
  return sameCompanyAsAccount(
    { id: 'a', name: p.a, website: p.aDomain || null, companyUrn: p.aUrn || null },
    { name: p.b, urn: p.bUrn || null, domain: p.bDomain || null },
  );
}

const companyPairs = loadCompanyPairs();
const byClass = new Map<string, Tally>();
const overall = tally();
const nonTrivial = tally();
for (const p of companyPairs) {
  const same = predictSame(p);
  const key = `${p.class} (${p.source})`;
  const t = byClass.get(key) ?? tally();
  byClass.set(key, t);
  for (const x of p.class === 'case' ? [t, overall] : [t, overall, nonTrivial]) {
    x.pairs++;
    if (p.label === 'same') x.labelledSame++;
    if (same) x.predictedSame++;
    if (same && p.label === 'same') x.truePositive++;
  }
}

console.log(
  `company pairs: ${companyPairs.length} labelled (${companyPairs.filter((p) => p.label === 'same').length} same, ` +
    `${companyPairs.filter((p) => p.label === 'different').length} different)`,
);
console.log('  class (source)                    pairs  label    "same" predicted   recall / false-same rate');
for (const [key, t] of [...byClass.entries()].sort()) {
  const isSame = t.labelledSame > 0;
  const rate = isSame ? `recall ${pct(t.truePositive, t.labelledSame)}` : `false same ${pct(t.predictedSame, t.pairs)}`;
  console.log(
    `  ${key.padEnd(32)} ${String(t.pairs).padStart(5)}  ${isSame ? 'same     ' : 'different'} ${String(t.predictedSame).padStart(6)}             ${rate}`,
  );
}
const differentPairs = overall.pairs - overall.labelledSame;
const falseSame = overall.predictedSame - overall.truePositive;
console.log(
  `  overall: precision ${pct(overall.truePositive, overall.predictedSame)}, recall ${pct(overall.truePositive, overall.labelledSame)}; ` +
    `non-trivial recall ${pct(nonTrivial.truePositive, nonTrivial.labelledSame)} (target >= 99 %); ` +
    `false "same company" ${pct(falseSame, differentPairs)} of ${differentPairs} different pairs (target <= 0.5 %)`,
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
