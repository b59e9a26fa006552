import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { type ExecutionResult, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// graphql-js's wordings: `Did you mean "a", "b", or "c"?`, `Did you mean the enum value "A"?`.
const suggestion = / ?Did you mean [^?]*\?/g;

/** Removes the suggestions from the errors of a single result, in place (a stream's are left alone). */
function stripSuggestions(result: unknown) {
  for (const error of (result as ExecutionResult).errors ?? []) {
    if (error.message.includes('Did you mean')) error.message = error.message.replace(suggestion, '');
  }
}

/**
 * No "Did you mean …" in errors for anyone but staff: they would spell the schema out to a caller
 * who may not introspect it. Staff get them (they may read the schema anyway, and a script's
 * author is helped by them); who is asking is known before validation (request-viewer.ts).
 *
 * graphql-js's `hideSuggestions` covers what it writes while validating (fields, arguments,
 * types, enum values); GraphQL Armor's plugin masks any field suggestion still left. yoga's
 * executor (@graphql-tools/executor) offers no such option when it coerces variables, so those
 * messages are cut from the result.
 */
export function useHiddenSuggestions(staff: (context: unknown) => boolean): Plugin {
  const armor = blockFieldSuggestionsPlugin({ mask: '' });
  return {
    onValidate(payload) {
      if (staff(payload.context)) return;
      // yoga passes no options or TypeInfo of its own (and envelop would pass them in graphql 15's order).
      payload.setValidationFn((schema, document, rules) =>
        validate(schema, document, rules, { hideSuggestions: true }),
      );
      return armor.onValidate?.(payload);
    },
    onExecute({ args }) {
      if (staff(args.contextValue)) return;
      return { onExecuteDone: ({ result }) => stripSuggestions(result) };
    },
    onSubscribe({ args }) {
      if (staff(args.contextValue)) return;
      return { onSubscribeResult: ({ result }) => stripSuggestions(result) };
    },
  };
}
