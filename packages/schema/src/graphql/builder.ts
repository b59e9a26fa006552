import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { StaffRole, TokenScope } from '../domain/staff-role.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { authScopesFor, unauthorizedError } from './auth-scopes.ts';
import type { GraphQLContext } from './context.ts';

/** The one Pothos builder. It defines no types: those live in ./types, one file each. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    client: boolean;
    contact: boolean;
    staff: boolean;
    staffRole: StaffRole[];
    tokenScope: TokenScope;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: authScopesFor,
    // Check subscriptions when they start, not only when an event arrives.
    authorizeOnSubscribe: true,
    unauthorizedError,
  },
  prisma: {
    // Each request carries its own client (tests run many databases side by side).
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // Our own node/nodes (types/node.ts) answer null for ids of nothing and of others' objects alike.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  errors: {
    defaultTypes: [],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]?.toUpperCase()}${fieldName.slice(1)}Result` },
  },
});
