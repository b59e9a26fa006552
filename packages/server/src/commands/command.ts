export interface Command {
  summary: string;
  /** Returns an exit code, or nothing for a long-running command. */
  run(args: string[]): Promise<number | undefined>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
