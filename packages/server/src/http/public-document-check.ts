import { type GraphQLError, Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { busyError } from './busy-error.ts';
import { type CheckedError, rebuiltErrors } from './document-check.ts';
import type { DocumentChecker } from './document-checker.ts';

/**
 * The errors of an `invalid` verdict as yoga answers validation errors (its useHTTPValidationError):
 * `GRAPHQL_VALIDATION_FAILED` unless they name their own code, and, over HTTP, status 400.
 */
function validationErrors(errors: readonly CheckedError[], text: string, overHttp: boolean): GraphQLError[] {
  return rebuiltErrors(errors, new Source(text)).map((error) => {
    const extensions = error.extensions as Record<string, unknown>;
    extensions.code ??= 'GRAPHQL_VALIDATION_FAILED';
    if (overHttp) extensions.http = { spec: true, status: 400 };
    return error;
  });
}

/**
 * Documents from anyone but staff are checked by the document-check worker before their request
 * goes on (document-checker.ts). An invalid one is answered with the worker's errors, never
 * parsed here; a valid one is parsed here to run, and its verdict stands in for the limits and
 * graphql-js's validation on this thread. What else stays here is linear and stops at the limits:
 * the length and, for documents the worker left unchecked, the token count and the parse.
 *
 * Over HTTP the plugin's `onParams` asks the worker (the caller is known by then, request-viewer.ts);
 * over graphql-ws, websockets.ts calls {@link PublicDocumentCheck.prepare} before parsing.
 */
export function publicDocumentCheck(options: {
  checker: DocumentChecker;
  /** Whether the HTTP request is a staff member's (staff documents are not sent to the worker). */
  staffRequest: (request: Request) => Promise<boolean> | boolean;
}) {
  /** Per operation (its envelop context), the text the worker found valid. */
  const valid = new WeakMap<object, string>();

  /** Whether the worker found `text` valid for the operation whose envelop context is `context`. */
  const checked = (context: unknown, text: string | undefined): boolean =>
    typeof context === 'object' && context !== null && text !== undefined && valid.get(context) === text;

  /**
   * Asks the worker about `text` for the operation whose envelop context is `context`: null when
   * the operation may go on, else the errors to answer with (its own, or BUSY when the worker's
   * queue is full).
   */
  const prepare = async (context: object, text: unknown, overHttp = false): Promise<GraphQLError[] | null> => {
    if (typeof text !== 'string') return null;
    const verdict = await options.checker.check(text);
    if (verdict.kind === 'busy') return [busyError()];
    if (verdict.kind === 'invalid') return validationErrors(verdict.errors, text, overHttp);
    if (verdict.kind === 'valid') valid.set(context, text);
    return null;
  };

  const plugin: Plugin = {
    async onParams({ params, request, context, setResult }) {
      if (await options.staffRequest(request)) return;
      const errors = await prepare(context as object, params.query, true);
      if (errors) setResult({ errors });
    },
    onValidate({ context, params: { documentAST }, setResult }) {
      if (checked(context, documentAST.loc?.source.body)) setResult([]);
    },
  };

  return { plugin, prepare, checked };
}

export type PublicDocumentCheck = ReturnType<typeof publicDocumentCheck>;
