// Deterministic UUIDs (RFC 9562 version 5, SHA-1 name-based), made by the uuid package.
// ORUK requires every `id` to be a UUID. Objects that exist only in the feed
// (attributes, cost options, service areas) have no database row, so we derive
// their ids from the parent's id: the same input always gives the same id,
// which keeps feeds stable between requests and lets consumers de-duplicate.
import { v5 } from 'uuid';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

export function uuidV5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new RangeError(`Namespace is not a UUID: ${namespace}`);
  return v5(name, namespace.toLowerCase());
}

/** The RFC 9562 namespace for names that are URLs or URNs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Our namespace for every derived id. Written as a literal so ids can never
 * drift; the test proves it equals uuidV5('urn:recovery-connectors:directory', URL_NAMESPACE).
 */
export const DIRECTORY_NAMESPACE = '71e3f4af-048e-5bc1-b51f-0e8c814e908e';

/** A stable id for a feed-only child object, e.g. childId(serviceId, 'cost_option', 'free'). */
export function childId(parentId: string, kind: string, key = ''): string {
  return uuidV5(`${parentId}/${kind}/${key}`, DIRECTORY_NAMESPACE);
}
