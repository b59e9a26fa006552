import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * GraphQL documents typed against packages/schema/schema.graphql at typecheck time (gql.tada;
 * `graphql-env.d.ts` is generated from the schema by `pnpm --filter @caredesk/console types`,
 * which the build runs). Results and variables are never typed by hand.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
