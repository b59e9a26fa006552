import { type LetterLimits, withLetterLimits } from '@caredesk/schema/services';
import type { Plugin } from 'graphql-yoga';

/** Every GraphQL operation runs with the configured letter limits (a visitor's `submitTicket` among them). */
export function useLetterLimits(limits: LetterLimits): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => withLetterLimits(limits, () => executeFn(args)));
    },
  };
}

/** Wraps work outside GraphQL (jobs, incoming mail) so the letters it writes keep the same limits. */
export function limitedBy(limits: LetterLimits) {
  return <A extends unknown[], R>(work: (...args: A) => R) =>
    (...args: A): R =>
      withLetterLimits(limits, () => work(...args));
}
