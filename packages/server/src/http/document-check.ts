import { scalarParsing } from '@caredesk/schema/scalars';
import {
  buildSchema,
  GraphQLError,
  type GraphQLScalarLiteralParser,
  type GraphQLSchema,
  isScalarType,
  parse,
  type Source,
  specifiedRules,
  validate,
  valueFromASTUntyped,
} from 'graphql';
import {
  checkQueryLimits,
  moreTokensThan,
  type QueryLimits,
  QueryTooComplexError,
  withoutStacks,
} from './query-limits.ts';

/** An error of a checked document, as it crosses to another thread: enough to rebuild it there. */
export interface CheckedError {
  message: string;
  /** Offsets in the document's text, from which GraphQLError computes `locations`. */
  positions?: readonly number[];
  extensions: Record<string, unknown>;
}

/**
 * What checking a document from anyone but staff found:
 * - `valid`: within the limits, and graphql-js's validation found nothing;
 * - `invalid`: the limit it is over (its token count included), or graphql-js's validation errors;
 * - `unchecked`: left to the request's own thread (a syntax error, or a length over the limit:
 *   found there by one linear pass), or the checker could not answer;
 * - `busy`: too many documents are waiting to be checked.
 */
export type Verdict =
  | { kind: 'valid' }
  | { kind: 'invalid'; errors: CheckedError[] }
  | { kind: 'unchecked' }
  | { kind: 'busy' };

/**
 * The schema a worker checks against, from the served schema's printed SDL: types, fields,
 * arguments and directives as served, and the API's own scalars reading literals as they do there.
 */
export function checkingSchema(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [name, parsing] of Object.entries(scalarParsing)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    // graphql-js's default literal reading calls the parseValue the type was built with, so a
    // scalar without its own parseLiteral gets one that reads through ours.
    const parseLiteral: GraphQLScalarLiteralParser<unknown> =
      'parseLiteral' in parsing
        ? parsing.parseLiteral
        : (node, variables) => parsing.parseValue(valueFromASTUntyped(node, variables));
    Object.assign(type, { parseValue: parsing.parseValue, parseLiteral });
  }
  return schema;
}

const asChecked = (error: GraphQLError): CheckedError => ({
  message: error.message,
  ...(error.positions ? { positions: [...error.positions] } : {}),
  extensions: { ...error.extensions },
});

/**
 * The limits and graphql-js's validation of a public caller's document, as the request's own
 * pipeline would run them (useQueryLimits, then validate with suggestions hidden): the work that
 * grows with a document's shape. Runs in the document-check worker.
 */
export function checkDocument(schema: GraphQLSchema, text: string, limits: QueryLimits): Verdict {
  if (text.length > limits.maxLength) return { kind: 'unchecked' };
  let document: ReturnType<typeof parse>;
  try {
    document = parse(text, { maxTokens: limits.maxPublicTokens });
  } catch {
    // Over the token limit, refused here as the request's own thread would refuse it (counted
    // the same way, before its parser sees it): the loop neither lexes nor parses it.
    if (!moreTokensThan(text, limits.maxPublicTokens)) return { kind: 'unchecked' };
    const refusal = withoutStacks(() => new QueryTooComplexError('tokens', limits.maxPublicTokens));
    return { kind: 'invalid', errors: [asChecked(refusal)] };
  }
  const refusal = checkQueryLimits(schema, document, limits);
  if (refusal) return { kind: 'invalid', errors: [asChecked(refusal)] };
  // Stack traces of validation errors are never shown, and capturing them costs more than the rest.
  const errors = withoutStacks(() => validate(schema, document, specifiedRules, { hideSuggestions: true }));
  return errors.length === 0 ? { kind: 'valid' } : { kind: 'invalid', errors: errors.map(asChecked) };
}

/**
 * The errors of an `invalid` verdict, rebuilt against the document's source (their locations
 * included), without stack traces: nobody reads them, and capturing one cost more than the rest of
 * answering a refused document on the loop.
 */
export function rebuiltErrors(errors: readonly CheckedError[], source: Source): GraphQLError[] {
  return withoutStacks(() =>
    errors.map(
      ({ message, positions, extensions }) =>
        new GraphQLError(message, { ...(positions ? { source, positions } : {}), extensions }),
    ),
  );
}
