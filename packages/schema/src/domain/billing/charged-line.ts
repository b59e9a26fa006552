import type { StaffRole } from '../staff-role.ts';

/** The support line a piece of work is billed at, or why the one given is refused. */
export type ChargedLine =
  | { line: number }
  | { refused: 'NO_SUCH_LINE' | 'NOT_YOUR_LINE' | 'NAME_A_LINE'; detail: string };

const lines = [1, 2, 3];

/**
 * Work is billed at the specialist's own line: a higher line costs more, so only the head of
 * support and admins may name another (correcting an entry, or logging for a specialist
 * without a line of their own).
 */
export function chargedLine(own: number | null, given: number | null | undefined, role: StaffRole): ChargedLine {
  const mayNameAny = role === 'HEAD' || role === 'ADMIN';
  if (given != null) {
    if (!lines.includes(given)) return { refused: 'NO_SUCH_LINE', detail: 'a support line 1, 2 or 3' };
    if (given !== own && !mayNameAny)
      return {
        refused: 'NOT_YOUR_LINE',
        detail: `work is billed at your own line (${own ?? 'none'}); only the head of support and admins name another`,
      };
    return { line: given };
  }
  if (own === null) return { refused: 'NAME_A_LINE', detail: 'name the support line of this work' };
  return { line: own };
}
