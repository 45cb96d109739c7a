import {
  accountBlockingKeys,
  accountQueryKeys,
  prepareAccount,
  prepareCompanyPage,
  quickAccountTotal,
  scoreAccountKeys,
  type AccountCriterion,
  type AccountKeys,
  type CrmAccount,
  type LinkedInCompany,
} from './accounts';
import { matchPrepared, type MatchKind, type MatchOptions, type MatchRun } from './blocking';
import { personMatchContested, quickPersonTotal, scorePersonKeys, type PersonCriterion } from './people';
import { personIndexKeys, personQueryKeys } from './personBlocking';
import {
  createPrepareCache,
  prepareMember,
  preparePerson,
  type CrmPerson,
  type LinkedInMember,
  type PersonKeys,
} from './personKeys';
import type { MatchScore } from './score';

export const PERSON_MATCH_KIND: MatchKind<PersonKeys, MatchScore<PersonCriterion>> = {
  indexKeys: personIndexKeys,
  queryKeys: personQueryKeys,
  quickTotal: quickPersonTotal,
  score: scorePersonKeys,
  contested: personMatchContested,
};

export const ACCOUNT_MATCH_KIND: MatchKind<AccountKeys, MatchScore<AccountCriterion>> = {
  indexKeys: (keys) => accountBlockingKeys(keys),
  queryKeys: accountQueryKeys,
  quickTotal: quickAccountTotal,
  score: scoreAccountKeys,
};

/**
 * Match CRM contacts/leads against LinkedIn members: for each record the best candidate (or none) with its
 * explainable score, the runner-up, and whether the match is ambiguous or may be applied automatically.
 */
export function matchAll(
  records: readonly CrmPerson[],
  candidates: readonly LinkedInMember[],
  options: MatchOptions = {},
): MatchRun<MatchScore<PersonCriterion>> {
  const cache = createPrepareCache();
  const prepared = candidates.map((c) => prepareMember(c, cache));
  return matchPrepared(PERSON_MATCH_KIND, records, (r: CrmPerson) => preparePerson(r, cache), prepared, options);
}

/** Match CRM accounts against LinkedIn companies (same result shape as matchAll). */
export function matchAllAccounts(
  records: readonly CrmAccount[],
  candidates: readonly LinkedInCompany[],
  options: MatchOptions = {},
): MatchRun<MatchScore<AccountCriterion>> {
  return matchPrepared(ACCOUNT_MATCH_KIND, records, prepareAccount, candidates.map(prepareCompanyPage), options);
}
