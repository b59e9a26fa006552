import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The answer to a body or parameter that is not JSON: generic, in both languages, quoting nothing. */
export function invalidJsonError(): GraphQLError {
  return new GraphQLError('The request is not valid JSON. / Запрос не является корректным JSON.', {
    // 400 for every Accept: the GraphQL-over-HTTP spec asks for it when the body cannot be parsed.
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

/**
 * yoga answers a broken JSON body with the parser's message, which quotes the body back, and a
 * broken `variables`/`extensions` query parameter with an internal error. Both become
 * {@link invalidJsonError}.
 */
export function useInvalidJsonError(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof SyntaxError || (error instanceof GraphQLError && error.extensions.originalError)) {
            throw invalidJsonError();
          }
          throw error;
        }
      });
    },
  };
}
