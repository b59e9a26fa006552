import { decodeGlobalID } from '@pothos/plugin-relay';

/** A global id taken apart: the type it names and the id of the row. */
export interface ParsedGlobalId {
  typename: string;
  id: string;
}

/**
 * A global id (base64 of `Type:id`) taken apart, or null when it is not one. Fetch-by-id queries
 * answer null for such an id, the same as for an id of nothing or of something not the caller's.
 */
export function parseGlobalId(raw: string): ParsedGlobalId | null {
  try {
    return decodeGlobalID(raw);
  } catch {
    return null;
  }
}

/** The row id a global id names when it names that type, or null. */
export function localIdOf(raw: string, typename: string): string | null {
  const parsed = parseGlobalId(raw);
  return parsed?.typename === typename ? parsed.id : null;
}
