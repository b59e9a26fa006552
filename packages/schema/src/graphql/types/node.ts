import { resolveNodes } from '@pothos/plugin-relay';
import { RequestCache } from '@pothos/plugin-scope-auth';
import { type GraphQLResolveInfo, isObjectType } from 'graphql';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { parseGlobalId } from '../global-id.ts';
import { atMost } from '../list-bounds.ts';

/** Most ids one `nodes` call looks up. */
export const maxNodesPerCall = 100;

const NodeRef = builder.nodeInterfaceRef();

// The relay plugin's own node/nodes fields are off (builder.ts): these answer null for every id
// that leads to nothing the caller may see, so that no answer tells which ids exist.
builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description:
      'The object of a global id, or null when there is none or the caller may not see it (one answer for both).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx, info) => visibleNode(String(id), ctx, info),
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: 'The objects of global ids, in their order; null for each that `node` answers null for.',
    args: { ids: t.arg.idList({ required: true, ...atMost(maxNodesPerCall) }) },
    resolve: (_root, { ids }, ctx, info) => Promise.all(ids.map((id) => visibleNode(String(id), ctx, info))),
  }),
}));

/**
 * The object an id names when the caller may see it, else null: for a malformed id, an id of
 * no node type, of a row that does not exist, or of one the type's own rule (its `authScopes`,
 * the same that guards its fields) keeps from the caller.
 */
async function visibleNode(raw: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<unknown> {
  const parsed = parseGlobalId(raw);
  const type = parsed && info.schema.getType(parsed.typename);
  if (!parsed || !isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) return null;
  let node: unknown;
  try {
    [node] = await resolveNodes(builder, ctx, info, [parsed]);
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
  return node != null && (await mayRead(parsed.typename, node, ctx, info)) ? node : null;
}

async function mayRead(typename: string, node: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
  const { authScopes } = builder.configStore.getTypeConfig(typename, 'Object').pothosOptions;
  // Every node type says who may read it; one that does not is nobody's to fetch by id.
  if (authScopes === undefined) return false;
  const cache = RequestCache.fromContext(ctx, builder);
  const failure =
    typeof authScopes === 'function'
      ? await cache.evaluateTypeScopeFunction(authScopes, typename, node, info)
      : await cache.evaluateScopeMap(authScopes, info);
  return failure === null;
}

/** Prisma's "no record" (P2025), which the node loaders throw for an id of nothing. */
function isRecordNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}
