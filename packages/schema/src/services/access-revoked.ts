/**
 * A credential, or what it rests on, named for the subscriptions opened with it:
 * an API token, a session, a staff member (disabled or demoted) or a contact (authorization
 * lost, removed).
 */
export type CredentialKey = `token:${string}` | `session:${string}` | `staff:${string}` | `contact:${string}`;

/** The keys a revocation names, one maker per kind. */
export const credentialKey = {
  token: (id: string): CredentialKey => `token:${id}`,
  session: (id: string): CredentialKey => `session:${id}`,
  staff: (id: string): CredentialKey => `staff:${id}`,
  contact: (id: string): CredentialKey => `contact:${id}`,
} as const;

/** The event that tells every instance to end the subscriptions opened with these credentials. */
export interface AccessRevoked {
  credentials: CredentialKey[];
}

/** Revocations are rare: every instance hears all of them on one channel and looks up its own. */
export const revocationChannel = 'all';

/** The port a service announces revocations through (the event bus provides it). */
export interface RevocationBus {
  publish(topic: 'accessRevoked', key: typeof revocationChannel, payload: AccessRevoked): void;
}

/**
 * Tells every instance that these credentials stopped being valid. Call it after the change is
 * committed, so that a subscription ended by it cannot be reopened with the old credential.
 * Without a bus (a script with no server to tell) the periodic re-check ends them instead.
 */
export function announceRevoked(bus: RevocationBus | undefined, credentials: readonly CredentialKey[]): void {
  if (bus && credentials.length > 0) bus.publish('accessRevoked', revocationChannel, { credentials: [...credentials] });
}
