import type { ErrorCode } from '../../error-codes.ts';

/**
 * A calendar file that cannot be imported. The message says where and why, in English,
 * e.g. `line 4: "2025-02-30" is not a date`; `line` is the 1-based line of the file when known.
 */
export class CalendarFormatError extends Error {
  readonly code: ErrorCode = 'INVALID_INPUT';
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'CalendarFormatError';
    this.line = line;
  }
}
