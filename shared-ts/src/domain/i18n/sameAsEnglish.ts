/**
 * Texts that are legitimately the same in another language (brand and product names, codes).
 * Anything else identical to English is an untranslated copy and fails the catalogue test.
 */
const BRAND_ONLY =
  /^(?:NavSync|Sales Navigator|LinkedIn|CRM|URN|InMail|Salesforce|Dynamics 365|Dataverse|ID|OK|Status|Type|Manual|Sync|Total|Score|Details|No)$/i;

export function isAllowedSameAsEnglish(text: string): boolean {
  const stripped = text.replace(/\{\w+\}/g, '').replace(/[\s\p{P}\p{S}\d]/gu, '');
  return stripped === '' || BRAND_ONLY.test(text.trim());
}
