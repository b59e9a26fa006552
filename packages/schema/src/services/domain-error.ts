import type { ErrorCode } from '../domain/error-codes.ts';

/** An expected failure: returned to the caller as a typed `DomainError`, never masked. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    /** Which input field is wrong, when one is. */
    readonly field: string | null = null,
    detail?: string,
    /** For RATE_LIMITED: when to try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail ?? code);
  }
}
