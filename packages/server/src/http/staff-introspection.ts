import { BREAK, type DocumentNode, type ExecutionArgs, GraphQLError, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const introspectionFields = new Set(['__schema', '__type']);

/** The names `__schema` and `__type` (not `__typename`) anywhere in a text, comments and strings included. */
const introspectionName = /__(?:schema|type)(?![_0-9A-Za-z])/;

/**
 * Whether any operation or fragment of `document` asks for `__schema` or `__type` (`__typename`
 * is not introspection). A GraphQL name is never escaped, so a document whose text does not
 * hold either name does not ask (most documents: no walk over their tree, no garbage); else one
 * pass over the document, fragment definitions visited once each, wherever they are spread.
 */
export function asksForIntrospection(document: DocumentNode): boolean {
  const text = document.loc?.source.body;
  if (text !== undefined && !introspectionName.test(text)) return false;
  let found = false;
  visit(document, {
    Field(node) {
      if (!introspectionFields.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * The schema is described to staff only (API tokens and staff sessions): visitors, contacts and
 * anonymous callers get FORBIDDEN. Decided at execution, the first moment the viewer is known;
 * by then the document has passed the query limits, so the refusal is cheap.
 */
export function useStaffOnlyIntrospection(): Plugin {
  const refusal = (args: ExecutionArgs) => {
    const viewer = (args.contextValue as { viewer?: { kind: string } }).viewer;
    if (viewer?.kind === 'staff' || !asksForIntrospection(args.document)) return null;
    return {
      errors: [
        new GraphQLError('Introspection is available to staff only. / Схема доступна только сотрудникам.', {
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
    // graphql-js allows `__schema` on the query type only; checked here too in case that changes.
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = refusal(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
