import type { AccountUpdate } from '../../crm/gateway';
import { linkedInCompanyId } from '../../domain/matching/company';
import { matchAllAccounts } from '../../domain/matching/matchAll';
import { encodeAccountScore } from '../../domain/matching/storedScore';
import { all, type RunState } from '../context';
import { pushProblem, type StepReport } from '../report';

/**
 * Account matching: every CRM account against the LinkedIn company pages (blocked, scored per criterion), and the
 * company URN of a high-confidence, unambiguous match stored on the account, so validation can compare companies
 * by identity. A URN already on the account is never replaced by a name match (it may have been set by hand);
 * one that differs from the match is listed. Reruns write nothing new (only accounts whose URN changes are written).
 */
export async function accountMatchingStep(state: RunState, step: StepReport): Promise<void> {
  const source = state.opts.companies;
  if (!source) {
    step.status = 'skipped';
    step.note = 'no LinkedIn company source configured: account company URNs are kept as they are';
    return;
  }
  const pages = await source.read();
  for (const r of pages.rejected) pushProblem(step.problems, { ref: `${r.source}:${r.line}`, reason: r.reason });
  const accounts = await all(state.opts.crm.accounts({}));
  state.progress.say(
    `account matching: ${accounts.length} accounts against ${pages.companies.length} LinkedIn companies`,
  );
  const run = matchAllAccounts(accounts, pages.companies);
  const counts = {
    accounts: accounts.length,
    companies: pages.companies.length,
    matched: 0,
    ambiguous: 0,
    notConfident: 0,
    unchanged: 0,
    keptOther: 0,
  };
  const updates: AccountUpdate[] = [];
  for (const r of run.results) {
    const account = accounts[r.recordIndex];
    if (r.candidateIndex === null || r.score === null) continue;
    if (!r.autoMatch) {
      if (r.ambiguous && r.score.confidence === 'high') counts.ambiguous++;
      else counts.notConfident++;
      continue;
    }
    counts.matched++;
    const urn = pages.companies[r.candidateIndex].urn;
    const stored = linkedInCompanyId(account.companyUrn);
    if (stored === linkedInCompanyId(urn)) counts.unchanged++;
    else if (stored !== null) {
      counts.keptOther++;
      pushProblem(step.problems, {
        ref: account.id,
        reason: `the account's company URN ${account.companyUrn} is kept; it matches ${urn} (${encodeAccountScore(r.score)})`,
      });
    } else updates.push({ id: account.id, companyUrn: urn });
  }
  const result = await state.writes.accounts('accountMatching', updates);
  for (const f of result.failed) pushProblem(step.problems, { ref: f.ref, reason: `${f.code}: ${f.message}` });
  Object.assign(step.counts, counts, {
    written: result.succeeded.length,
    failed: result.failed.length,
    unprocessed: result.unprocessed.length,
  });
  if (step.problems.length || result.unprocessed.length) step.status = 'partial';
}
