import {
  validationScope,
  VALIDATION_SCOPES,
  type ValidationScope,
  type ValidationScopeData,
} from '../../../src/domain/validation/index';

// Two syncing reps (Sophie in Lyon, Lars in Utrecht) and a rep without a seat (Giulia).
const data: ValidationScopeData = {
  contacts: [
    { id: 'c-owned', ownerId: 'u-sophie', accountId: 'a-other' }, // owned by a syncing user
    { id: 'c-account', ownerId: 'u-giulia', accountId: 'a-lars' }, // on Lars's account (Bakkerij de Vries B.V.)
    { id: 'c-opp', ownerId: 'u-giulia', accountId: 'a-other' }, // contact role on Sophie's opportunity
    { id: 'c-none', ownerId: 'u-giulia', accountId: 'a-other' }, // nothing to do with syncing users
    { id: 'c-orphan', ownerId: null, accountId: null }, // private contact without owner/account
    { id: 'c-all', ownerId: 'u-lars', accountId: 'a-lars' }, // every scope at once
  ],
  accounts: [
    { id: 'a-lars', ownerId: 'u-lars' },
    { id: 'a-other', ownerId: 'u-giulia' },
  ],
  opportunities: [
    { id: 'o-sophie', ownerId: 'u-sophie' },
    { id: 'o-giulia', ownerId: 'u-giulia' },
  ],
  contactRoles: [
    { opportunityId: 'o-sophie', contactId: 'c-opp' },
    { opportunityId: 'o-sophie', contactId: 'c-all' },
    { opportunityId: 'o-giulia', contactId: 'c-none' },
    { opportunityId: 'o-sophie', contactId: 'c-not-read' }, // a role on a contact the engine did not read
  ],
};
const syncing = ['u-sophie', 'u-lars'];

describe('validationScope', () => {
  test.each<[string, ValidationScope[], string[]]>([
    ['all three scopes', [...VALIDATION_SCOPES], ['c-owned', 'c-account', 'c-opp', 'c-all']],
    ['contacts of syncing users only', ['ownedContacts'], ['c-owned', 'c-all']],
    ['contacts related to accounts of syncing users only', ['accountContacts'], ['c-account', 'c-all']],
    ['contacts related to opportunities of syncing users only', ['opportunityContacts'], ['c-opp', 'c-all']],
    ['no scope selected', [], []],
  ])('%s', (_name, scopes, want) => {
    expect([...validationScope(data, syncing, scopes).contactIds]).toEqual(want);
  });

  test('counts how many contacts each scope brings in (overlaps counted in each)', () => {
    expect(validationScope(data, syncing).byScope).toEqual({
      ownedContacts: 2,
      accountContacts: 2,
      opportunityContacts: 2,
    });
  });

  test('no syncing users → nobody in scope', () => {
    expect(validationScope(data, []).contactIds.size).toBe(0);
  });

  test('a contact named only by a contact role is not invented', () => {
    expect(validationScope(data, syncing).contactIds.has('c-not-read')).toBe(false);
  });

  test('works on one-shot iterables (generators from paged queries)', () => {
    function* gen<T>(xs: T[]) {
      yield* xs;
    }
    const res = validationScope(
      {
        contacts: gen([...data.contacts]),
        accounts: gen([...data.accounts]),
        opportunities: gen([...data.opportunities]),
        contactRoles: gen([...data.contactRoles]),
      },
      new Set(syncing),
    );
    expect(res.contactIds.size).toBe(4);
  });
});
