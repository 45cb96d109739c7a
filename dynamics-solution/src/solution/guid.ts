import { v5 as uuidv5 } from 'uuid';

/**
 * Stable GUIDs from names, so a solution component keeps its id across builds and environments (an import
 * matches components by id): UUID version 5 (RFC 9562, SHA-1 of namespace and name) from the `uuid` package.
 */

/** NavSync's namespace: the v5 UUID of the project's URL in the standard URL namespace. */
export const NAVSYNC_UUID_NAMESPACE = '68c6a2df-3733-50f7-96bd-96c9de1624f6';

export function stableGuid(name: string): string {
  return uuidv5(name, NAVSYNC_UUID_NAMESPACE);
}
