/**
 * NavSync's package namespace as the org knows it: read from a schema import of one of NavSync's own fields
 * (`navsync__Flag__c` in a subscriber org, `Flag__c` in a namespace-free scratch org), never written by hand.
 */
export function namespaceOf(field) {
  const m = /^(\w+?)__\w+__c$/.exec(field.fieldApiName);
  return m ? m[1] : null;
}

/** A packaged component's API name in the org: list views and other metadata of the package carry the namespace. */
export function inNamespace(apiName, namespace) {
  return namespace ? `${namespace}__${apiName}` : apiName;
}
