import {
  accountBlockingKeys,
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
import {
  createPrepareCache,
  personBlockingKeys,
  prepareMember,
  preparePerson,
  quickPersonTotal,
  scorePersonKeys,
  type CrmPerson,
  type LinkedInMember,
  type PersonCriterion,
  type PersonKeys,
} from './people';
import type { MatchScore } from './score';

/** Prepared people with their blocking keys computed once. */
interface KeyedPerson {
  keys: PersonKeys;
  blocking: string[];
}

interface KeyedAccount {
  keys: AccountKeys;
  blocking: string[];
}

export const PERSON_MATCH_KIND: MatchKind<KeyedPerson, MatchScore<PersonCriterion>> = {
  keys: (p) => p.blocking,
  quickTotal: (a, b) => quickPersonTotal(a.keys, b.keys),
  score: (a, b) => scorePersonKeys(a.keys, b.keys),
};

export const ACCOUNT_MATCH_KIND: MatchKind<KeyedAccount, MatchScore<AccountCriterion>> = {
  keys: (p) => p.blocking,
  quickTotal: (a, b) => quickAccountTotal(a.keys, b.keys),
  score: (a, b) => scoreAccountKeys(a.keys, b.keys),
};

function keyPerson(keys: PersonKeys): KeyedPerson {
  return { keys, blocking: personBlockingKeys(keys) };
}

function keyAccount(keys: AccountKeys): KeyedAccount {
  return { keys, blocking: accountBlockingKeys(keys) };
}

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
  return matchPrepared(
    PERSON_MATCH_KIND,
    records.map((r) => keyPerson(preparePerson(r, cache))),
    candidates.map((c) => keyPerson(prepareMember(c, cache))),
    options,
  );
}

/** Match CRM accounts against LinkedIn companies (same result shape as matchAll). */
export function matchAllAccounts(
  records: readonly CrmAccount[],
  candidates: readonly LinkedInCompany[],
  options: MatchOptions = {},
): MatchRun<MatchScore<AccountCriterion>> {
  return matchPrepared(
    ACCOUNT_MATCH_KIND,
    records.map((r) => keyAccount(prepareAccount(r))),
    candidates.map((c) => keyAccount(prepareCompanyPage(c))),
    options,
  );
}
