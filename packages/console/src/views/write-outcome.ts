import { ConsoleError } from '../api.ts';

export type WriteAnswer = Record<string, { __typename: string; message?: string; detail?: string | null }>;

/**
 * Runs a mutation and answers what to tell the reader when it failed: the server's message (in
 * their language) with its English detail, or '' when it went through.
 */
export async function failureOf(answer: Promise<WriteAnswer>): Promise<string> {
  try {
    const result = Object.values(await answer)[0];
    if (result?.__typename === 'DomainError')
      return result.detail ? `${(result.message ?? '').replace(/\.$/, '')}: ${result.detail}` : (result.message ?? '');
    return '';
  } catch (error) {
    return error instanceof ConsoleError ? error.message : String(error);
  }
}
