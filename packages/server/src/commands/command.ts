/** One `caredesk` command; its summary stands in ./index.ts, which loads it when it runs. */
export interface Command {
  /** Returns an exit code, or nothing for a long-running command. */
  run(args: string[]): Promise<number | undefined>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
