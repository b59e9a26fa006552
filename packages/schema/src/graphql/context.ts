import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/error-codes.ts';
import type { StaffRole, TokenScope } from '../domain/staff-role.ts';
import type { AttachmentStorage, UploadLimits } from '../services/attachment-storage.ts';
import type { Mailer } from '../services/mailer.ts';

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
    }
  | { kind: 'contact'; contactId: string; organizationId: string; authorized: boolean; sessionId: string }
  | { kind: 'visitor'; ticketId: string; siteId: string | null; visitorId: string | null };

export const anonymous: Viewer = { kind: 'anonymous' };

/** The limits the API applies, each configurable. */
export type RateBucket = 'submitPerIp' | 'submitPerSite' | 'signInPerIp' | 'signInPerEmail';

/** Events pushed to subscribers, keyed by ticket id. */
export interface Topics {
  ticketUpdated: { ticketId: string };
  queueUpdated: { ticketId: string };
  /** A monitor's confirmed state changed; keyed by site id and by 'all'. */
  monitorStatusChanged: { monitorId: string };
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
  publicUrl: string;
  /** The key that seals ticket secrets (derived from SECRET_KEY). */
  secretsKey: KeyObject;
  /** The caller's address, for rate limits. */
  clientIp: string;
  /** Counts an attempt against a limit; throws RATE_LIMITED with a retry time when it is spent. */
  rateLimit(bucket: RateBucket, key: string): void;
}
