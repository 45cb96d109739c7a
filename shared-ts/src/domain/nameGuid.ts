import { v5 as uuidv5 } from 'uuid';

/**
 * The one GUID derived from a name: UUID version 5 (RFC 9562: SHA-1 of a namespace and the name) from the `uuid`
 * package. The same name always gives the same id, on every run and machine: solution components keep their ids
 * across builds (an import matches components by id), and a written-back row keeps its id, so writing it again is an
 * upsert that never creates a twin.
 */

/** NavSync's namespace: the v5 UUID of https://github.com/navsync in the standard URL namespace. */
export const NAVSYNC_UUID_NAMESPACE = '68c6a2df-3733-50f7-96bd-96c9de1624f6';

export function nameGuid(name: string, namespace: string = NAVSYNC_UUID_NAMESPACE): string {
  return uuidv5(name, namespace);
}
