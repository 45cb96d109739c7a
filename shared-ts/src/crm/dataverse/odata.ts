/** OData and FetchXML literals and id filters: every value that goes into a Dataverse query passes through here. */
import { CatalogueError } from '../../domain/errors';

/** Ids per In() filter, so a query URL stays short. */
export const IN_CHUNK = 100;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The annotation suffix of a formatted value (lookups' names, choices' labels). */
export const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** XML-escaped text for FetchXML attribute values. */
export function xmlAttr(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

export function guids(ids: readonly string[]): string[] {
  for (const id of ids)
    if (!GUID_RE.test(id)) throw new CatalogueError('API_ERROR', `not a Dataverse id: ${id.slice(0, 40)}`);
  return ids.map((i) => i.toLowerCase());
}

export function inFilter(column: string, ids: readonly string[]): string {
  return `Microsoft.Dynamics.CRM.In(PropertyName=${odataString(column)},PropertyValues=[${guids(ids).map(odataString).join(',')}])`;
}
