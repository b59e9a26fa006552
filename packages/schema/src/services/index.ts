export {
  type AccessRevoked,
  announceRevoked,
  type CredentialKey,
  credentialKey,
  type RevocationBus,
  revocationChannel,
} from './access-revoked.ts';
export { hashSecret, newSecret, tokenPrefixes } from './access-tokens.ts';
export { type ActorRef, systemActor } from './actor.ts';
export {
  apiTokenPublicFields,
  createApiToken,
  listApiTokens,
  parseTokenScopes,
  revokeApiToken,
  tokenNameMaxLength,
  tokenScopesOf,
} from './api-token-admin.ts';
export {
  type ArticleAudience,
  type ArticleDraft,
  type ArticleEvent,
  articleFromTicket,
  audienceOf,
  createArticle,
  deleteArticle,
  indexArticle,
  publishArticle,
  recordArticleEvent,
  unpublishArticle,
  updateArticle,
} from './articles.ts';
export { attachToTicket, type CheckedFile, checkFiles, type UploadedFile } from './attach-files.ts';
export { type AttachmentStorage, defaultUploadLimits, type UploadLimits } from './attachment-storage.ts';
export { acceptDueTickets } from './auto-accept.ts';
export * from './billing/index.ts';
export {
  builtInCalendar,
  importCalendar,
  readCalendarFile,
  recomputeOpenTicketClocks,
  setCalendarDay,
  setWorkingHours,
} from './calendar-admin.ts';
export { deactivateContact, deauthorizeContact, reactivateContact } from './contact-admin.ts';
export { requestSignInCode, signInWithCode, signOut } from './contact-sign-in.ts';
export { collectDigests } from './digest.ts';
export { DomainError } from './domain-error.ts';
export { editTicket, type TicketEdit } from './edit-ticket.ts';
export { defaultLetterLimits, type LetterLimits } from './letter-limits.ts';
export type { MailCheck, MailDoctor, MailSetup } from './mail-status.ts';
export type { Mail, Mailer } from './mailer.ts';
export { createMonitor } from './monitoring/admin.ts';
export { recordHeartbeat } from './monitoring/heartbeat.ts';
export { markUnknown, recordCheck } from './monitoring/record.ts';
export { deleteExpiredResults, rollUpResults } from './monitoring/rollups.ts';
export { createMonitorScheduler, type MonitorScheduler } from './monitoring/scheduler.ts';
export { type MoveRequest, moveTicket } from './move-ticket.ts';
export { noticesForMove, notifyTicket, publicUrlPlaceholder } from './notify.ts';
export {
  type ClaimedMail,
  claimOutbox,
  defaultOutboxTiming,
  markFailed,
  markSent,
  type OutboxTiming,
  retryDelayMs,
} from './outbox.ts';
export { checkPasswordPolicy, hashPassword, passwordMinLength, verifyPassword } from './passwords.ts';
export { postMessage } from './post-message.ts';
export { type RateBucket, type RateLimiter, type RateRules, rateBuckets } from './rate-limiter.ts';
export {
  type IncomingMail,
  type ReceiveOutcome,
  receiveMail,
  type UnknownSenderPolicy,
} from './receive-mail.ts';
export { forgetVocabulary, searchArticles } from './search-articles.ts';
export { secretBoxKey } from './secret-box.ts';
export { type SiteStatus, siteStatus } from './site-status.ts';
export { type SiteUptime, siteUptimeForMonth } from './site-uptime.ts';
export {
  loadWorkingCalendar,
  recordSlaEvent,
  slaContextFor,
  slaData,
  slaFactsOf,
  slaTargetsFor,
  workingHoursOf,
} from './sla.ts';
export { fireDueSlaEvents, type SlaJobResult } from './sla-job.ts';
export {
  changeStaffRole,
  disableStaffMember,
  enableStaffMember,
  inviteStaff,
  resetStaffPassword,
} from './staff-admin.ts';
export {
  issuePasswordLink,
  passwordLinkHours,
  setPasswordPath,
  setPasswordWithLink,
} from './staff-password-links.ts';
export { setStaffPassword, signInStaff } from './staff-sign-in.ts';
export { type SubmitTicket, submitTicket } from './submit-ticket.ts';
export { rateByLink, rateTicket } from './ticket-rating.ts';
export { addTicketSecret, purgeTicketSecret, purgeTicketSecrets, revealTicketSecret } from './ticket-secrets.ts';
export { canSeeTicket, visibleTickets } from './visibility.ts';
