import type { StaffRole } from '@caredesk/schema/domain';
import type { Viewer } from '@caredesk/schema/graphql';
import { type CredentialKey, credentialKey } from '@caredesk/schema/services';

/** What an open subscription's access rests on, as it was when the subscription started. */
export interface WatchedCredential {
  /** The keys a revocation may name: the token or session, and its holder. */
  keys: CredentialKey[];
  /** The row the periodic re-check reads. */
  source: { kind: 'token' | 'session'; id: string };
  /** The holder as it was: a staff member's role, or a contact's organization and authorization. */
  holder:
    | { kind: 'staff'; staffId: string; role: StaffRole }
    | { kind: 'contact'; contactId: string; organizationId: string; authorized: boolean };
  /** `performance.now()` before the credential was read. */
  checkedAt: number;
  expiresAt: Date | null;
}

/**
 * The credential behind a viewer, or null when there is none to revoke (anonymous callers, and
 * visitors, whose ticket token has no revocation).
 */
export function watchedCredentialOf(viewer: Viewer): WatchedCredential | null {
  if (viewer.kind === 'staff' && viewer.credential) {
    const source = viewer.tokenId
      ? ({ kind: 'token', id: viewer.tokenId } as const)
      : viewer.sessionId
        ? ({ kind: 'session', id: viewer.sessionId } as const)
        : null;
    if (!source) return null;
    return {
      keys: [credentialKey[source.kind](source.id), credentialKey.staff(viewer.staffId)],
      source,
      holder: { kind: 'staff', staffId: viewer.staffId, role: viewer.role },
      ...viewer.credential,
    };
  }
  if (viewer.kind === 'contact' && viewer.credential) {
    return {
      keys: [credentialKey.session(viewer.sessionId), credentialKey.contact(viewer.contactId)],
      source: { kind: 'session', id: viewer.sessionId },
      holder: {
        kind: 'contact',
        contactId: viewer.contactId,
        organizationId: viewer.organizationId,
        authorized: viewer.authorized,
      },
      ...viewer.credential,
    };
  }
  return null;
}
