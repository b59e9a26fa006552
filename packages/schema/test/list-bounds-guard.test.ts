import {
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
} from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLContext } from '../src/graphql/context.ts';
import { guardListBounds } from '../src/graphql/list-bounds-guard.ts';

// A small schema of its own, for the shapes the API does not have yet: lists of input objects
// holding lists, and an input type that contains itself.
const listOf = (type: GraphQLInputType, maxItems: number | 'UPLOAD_MAX_FILES') => ({
  type: new GraphQLList(new GraphQLNonNull(type)),
  extensions: { maxItems },
});
const Item: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'Item',
  fields: { tags: listOf(GraphQLString, 2) },
});
const Batch: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'Batch',
  fields: () => ({ items: listOf(Item, 3), child: { type: Batch } }),
});

let calls = 0;
const schema = guardListBounds(
  new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        take: { type: GraphQLInt, args: { batch: { type: Batch } }, resolve: () => ++calls },
        files: { type: GraphQLInt, args: { names: listOf(GraphQLString, 'UPLOAD_MAX_FILES') }, resolve: () => ++calls },
      },
    }),
  }),
);

const context = { uploadLimits: { maxFiles: 2, maxFileBytes: 1, maxRequestBytes: 1 } } as GraphQLContext;
const run = (source: string, variableValues: Record<string, unknown>) =>
  graphql({ schema, source, variableValues, contextValue: context });
const take = (batch: unknown) => run('query ($b: Batch) { take(batch: $b) }', { b: batch });

describe('guardListBounds', () => {
  beforeEach(() => {
    calls = 0;
  });

  it('should let lists within their bounds through to the resolver', async () => {
    const reply = await take({ items: [{ tags: ['a', 'b'] }], child: { items: [{}, {}, {}] } });
    expect(reply.errors).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('should refuse a list inside a list of input objects, naming its path, without calling the resolver', async () => {
    const reply = await take({ items: [{ tags: ['a'] }, { tags: ['a', 'b', 'c'] }] });
    expect(reply.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'batch.items.tags',
      maxItems: 2,
    });
    expect(calls).toBe(0);
  });

  it('should refuse a list at any depth of an input type that contains itself', async () => {
    const reply = await take({ child: { child: { items: [{}, {}, {}, {}] } } });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ argument: 'batch.child.child.items', maxItems: 3 });
    expect(calls).toBe(0);
  });

  it('should bound lists of files by the request’s UPLOAD_MAX_FILES', async () => {
    const files = (count: number) => run('query ($n: [String!]) { files(names: $n) }', { n: Array(count).fill('f') });
    expect((await files(2)).errors).toBeUndefined();
    expect((await files(3)).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'names',
      maxItems: 2,
    });
    expect(calls).toBe(1);
  });
});
