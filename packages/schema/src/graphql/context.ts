import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { PresenceSignal } from '../domain/console/presence.ts';
import type { Locale } from '../domain/error-codes.ts';
import type { AllowedNetworks } from '../domain/monitoring/target-address.ts';
import type { StaffRole, TokenScope } from '../domain/staff-role.ts';
import type { AccessRevoked } from '../services/access-revoked.ts';
import type { AttachmentStorage, UploadLimits } from '../services/attachment-storage.ts';
import type { LetterLimits } from '../services/letter-limits.ts';
import type { MailDoctor } from '../services/mail-status.ts';
import type { Mailer } from '../services/mailer.ts';
import type { RateBucket, RateLimiter } from '../services/rate-limiter.ts';

/** When a viewer's credential was read and until when it holds: open subscriptions end with it. */
export interface CredentialCheck {
  /** This process's `performance.now()` before the read: a revocation heard later ends what it opened. */
  checkedAt: number;
  /** When the session or API token expires; null: never. */
  expiresAt: Date | null;
}

/** Who is asking: nobody, a site visitor with a ticket's access token, a client contact, or staff. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      staffId: string;
      role: StaffRole;
      /** Scopes of the API token used; null for a signed-in session (the role decides). */
      scopes: ReadonlySet<TokenScope> | null;
      /** The API token used, if any (monitoring agents are bound to theirs). */
      tokenId?: string;
      sessionId?: string;
      credential?: CredentialCheck;
    }
  | {
      kind: 'contact';
      contactId: string;
      organizationId: string;
      authorized: boolean;
      sessionId: string;
      credential?: CredentialCheck;
    }
  | { kind: 'visitor'; ticketId: string; siteId: string | null; visitorId: string | null };

export const anonymous: Viewer = { kind: 'anonymous' };

/** The limits the API applies, each configurable (declared with the limiter, in services). */
export type { RateBucket } from '../services/rate-limiter.ts';

/** Events pushed to subscribers, keyed by ticket id. */
export interface Topics {
  ticketUpdated: { ticketId: string };
  queueUpdated: { ticketId: string };
  /** A monitor's confirmed state changed; keyed by site id and by 'all'. */
  monitorStatusChanged: { monitorId: string };
  /** A monitor may be due sooner than the schedulers planned (created, changed, resumed); keyed by 'all'. */
  monitorScheduled: { monitorId: string };
  /** Credentials that stopped being valid: every instance ends what was opened with them. */
  accessRevoked: AccessRevoked;
  /** Credentials that still hold but now grant something else (a contact authorized); keyed by 'all'. */
  credentialsChanged: AccessRevoked;
  /** Who has a ticket open in the console and who is typing; keyed by ticket id. */
  ticketPresence: PresenceSignal;
  /** The same signals for every ticket, for the open queues; keyed by 'all'. */
  queuePresence: { ticketId: string; signal: PresenceSignal };
  /** A queue opened and asks every open ticket view to say where it is; keyed by 'all'. */
  presenceRollCall: { at: number };
}

/** Publish/subscribe, in-process or across instances (the server picks the adapter). */
export interface EventBus {
  publish<K extends keyof Topics>(topic: K, key: string, payload: Topics[K]): void;
  subscribe<K extends keyof Topics>(topic: K, key: string): AsyncIterable<Topics[K]>;
}

export interface GraphQLContext {
  db: Db;
  viewer: Viewer;
  events: EventBus;
  /** The clock: domain rules take `now` from here, tests move it. */
  now: () => Date;
  /** The reader's language (Accept-Language), for messages meant for people. */
  locale: Locale;
  storage: AttachmentStorage;
  uploadLimits: UploadLimits;
  /** Addresses the server hands out: short-lived signed download links. */
  links: {
    attachment(id: string): string;
    /** The monthly report of an organization as a file, in the reader's language. */
    report(organizationId: string, month: string, format: 'pdf' | 'csv', locale: Locale): string;
  };
  /** The Origin header of the request or WebSocket handshake, if a browser sent one. */
  origin: string | null;
  mailer: Mailer;
  /** The server's mail settings and their live checks, for admins; absent outside a server. */
  mailDoctor?: MailDoctor;
  publicUrl: string;
  /** The key that seals ticket secrets (derived from SECRET_KEY). */
  secretsKey: KeyObject;
  /** The caller's address, for rate limits. */
  clientIp: string;
  /** Counts an attempt against a limit; rejects with RATE_LIMITED and a retry time when it is spent. */
  rateLimit(bucket: RateBucket, key: string): Promise<void>;
  /** The app's one limiter (what `rateLimit` counts with), for services that also reset or look up counts. */
  limiter: RateLimiter;
  /** Inside networks monitors may reach after all (MONITOR_ALLOW_NETWORKS); others are refused. */
  monitorNetworks: AllowedNetworks;
  /** The server's limits on letters to unverified addresses (MAIL_UNVERIFIED_PER_DAY); absent: the defaults. */
  letterLimits?: LetterLimits;
}
