/**
 * Which contacts data validation looks at. Three scopes, as in the vendor apps: contacts owned by a syncing
 * user, contacts of accounts owned by a syncing user, and contacts with a role on an opportunity owned by a
 * syncing user (Salesforce OpportunityContactRole; Dataverse parent contact / stakeholder connections, mapped by
 * the gateway to the same contact-role pairs). Pure set logic over ids, linear in the input size.
 */
export const VALIDATION_SCOPES = ['ownedContacts', 'accountContacts', 'opportunityContacts'] as const;
export type ValidationScope = (typeof VALIDATION_SCOPES)[number];

/** i18n key of each scope's label. */
export const VALIDATION_SCOPE_LABEL: Record<ValidationScope, string> = {
  ownedContacts: 'validation.scopeOwnedContacts',
  accountContacts: 'validation.scopeAccountContacts',
  opportunityContacts: 'validation.scopeOpportunityContacts',
};

export interface ScopeContact {
  id: string;
  ownerId: string | null;
  accountId: string | null;
}
export interface ScopeOwnedRecord {
  id: string;
  ownerId: string | null;
}
export interface ScopeContactRole {
  opportunityId: string;
  contactId: string;
}

export interface ValidationScopeData {
  contacts: Iterable<ScopeContact>;
  accounts: Iterable<ScopeOwnedRecord>;
  opportunities: Iterable<ScopeOwnedRecord>;
  contactRoles: Iterable<ScopeContactRole>;
}

export interface ValidationScopeResult {
  /** Contacts in at least one enabled scope, in the order of `data.contacts`. */
  contactIds: ReadonlySet<string>;
  /** How many contacts each scope brings in (a contact may count in several). */
  byScope: Record<ValidationScope, number>;
}

/**
 * Contacts in scope for the given syncing users. Contacts named only by a contact role but absent from
 * `data.contacts` are not included: the engine can only validate contacts it read.
 */
export function validationScope(
  data: ValidationScopeData,
  syncingUsers: Iterable<string>,
  scopes: readonly ValidationScope[] = VALIDATION_SCOPES,
): ValidationScopeResult {
  const users = new Set(syncingUsers);
  const useOwned = scopes.indexOf('ownedContacts') >= 0;
  const useAccounts = scopes.indexOf('accountContacts') >= 0;
  const useOpps = scopes.indexOf('opportunityContacts') >= 0;

  const accounts = new Set<string>();
  if (useAccounts) {
    for (const a of data.accounts) if (a.ownerId !== null && users.has(a.ownerId)) accounts.add(a.id);
  }
  const roleContacts = new Set<string>();
  if (useOpps) {
    const opps = new Set<string>();
    for (const o of data.opportunities) if (o.ownerId !== null && users.has(o.ownerId)) opps.add(o.id);
    for (const r of data.contactRoles) if (opps.has(r.opportunityId)) roleContacts.add(r.contactId);
  }

  const byScope: Record<ValidationScope, number> = { ownedContacts: 0, accountContacts: 0, opportunityContacts: 0 };
  const contactIds = new Set<string>();
  for (const c of data.contacts) {
    const owned = useOwned && c.ownerId !== null && users.has(c.ownerId);
    const viaAccount = useAccounts && c.accountId !== null && accounts.has(c.accountId);
    const viaOpp = useOpps && roleContacts.has(c.id);
    if (owned) byScope.ownedContacts++;
    if (viaAccount) byScope.accountContacts++;
    if (viaOpp) byScope.opportunityContacts++;
    if (owned || viaAccount || viaOpp) contactIds.add(c.id);
  }
  return { contactIds, byScope };
}
