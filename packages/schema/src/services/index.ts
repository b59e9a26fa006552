export { type ActorRef, systemActor } from './actor.ts';
export { attachToTicket, type CheckedFile, checkFiles, type UploadedFile } from './attach-files.ts';
export { type AttachmentStorage, defaultUploadLimits, type UploadLimits } from './attachment-storage.ts';
export { acceptDueTickets } from './auto-accept.ts';
export { DomainError } from './domain-error.ts';
export { editTicket, type TicketEdit } from './edit-ticket.ts';
export { type MoveRequest, moveTicket } from './move-ticket.ts';
export { postMessage } from './post-message.ts';
export { type SubmitTicket, submitTicket } from './submit-ticket.ts';
