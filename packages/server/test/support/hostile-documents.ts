import { type Limit, queryLimits } from '../../src/http/query-limits.ts';

/** A document an attacker may send, and the limit that refuses it. */
export interface HostileDocument {
  name: string;
  query: string;
  refusedBy: Limit;
}

const times = (n: number, part: (i: number) => string, separator = ' ') =>
  Array.from({ length: n }, (_, i) => part(i)).join(separator);

/** `fragment F0 on Query { ...F1 ...F1 }` and so on: about 1 KB that expands to 2^levels fields. */
export function doublingFragments(levels = 22): string {
  const fragment = (i: number) =>
    i === levels - 1
      ? `fragment F${i} on Query { __typename }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
  return `query { ...F0 } ${times(levels, fragment)}`;
}

/** Lists in lists: organizations → tickets → organization → tickets …, 100 each. */
export function nestedLists(levels = 4): string {
  const open = times(levels, () => 'tickets(first: 100) { edges { node { organization {', ' ');
  const close = times(levels, () => '} } } }', ' ');
  return `{ organizations(first: 100) { edges { node { ${open} name ${close} } } } }`;
}

/** The hostile documents of issue 16, each refused by one limit (which one is part of the test). */
export const hostileDocuments: HostileDocument[] = [
  { name: 'fragments doubling at each of 22 levels', query: doublingFragments(22), refusedBy: 'cost' },
  {
    name: 'a very wide document (2,000 fields)',
    query: `{ ${times(2_000, () => '__typename')} }`,
    refusedBy: 'tokens',
  },
  {
    name: '20,000 ids written into nodes(ids:)',
    query: `{ nodes(ids: [${times(20_000, (i) => `"id${i}"`, ',')}]) { id } }`,
    refusedBy: 'length',
  },
  {
    name: 'a small query behind 900 KB of comment',
    query: `# ${'x'.repeat(900_000)}\n{ __typename }`,
    refusedBy: 'length',
  },
  { name: '100 aliases', query: `{ ${times(100, (i) => `a${i}: __typename`)} }`, refusedBy: 'aliases' },
  {
    name: '60 directives',
    query: `{ ${times(60, () => '__typename @include(if: true)')} }`,
    refusedBy: 'directives',
  },
  { name: 'lists nested 4 deep (over the depth)', query: nestedLists(4), refusedBy: 'depth' },
  {
    name: 'lists nested within the depth (over the cost)',
    query:
      '{ organizations(first: 100) { edges { node { tickets(first: 100) { edges { node { messages { body } } } } } } } }',
    refusedBy: 'cost',
  },
  {
    name: 'introspection nested past its depth',
    query: `{ __schema { types { ${times(12, () => 'fields { type {')} name ${times(12, () => '} }')} } } }`,
    refusedBy: 'depth',
  },
];

/**
 * The worst documents the public token limit lets through (4 tokens a field, 12 a fragment and
 * its spread): `n × viewer { kind }`, and `n` fragments spread side by side.
 */
export const worstAccepted = (maxTokens = queryLimits.maxPublicTokens) => {
  const fields = Math.floor((maxTokens - 2) / 4);
  const fragments = Math.floor((maxTokens - 2) / 12);
  return {
    fields,
    fragments,
    manyFields: (count = fields) => `{ ${times(count, () => 'viewer { kind }')} }`,
    manyFragments: `{ ${times(fragments, (i) => `...V${i}`)} } ${times(fragments, (i) => `fragment V${i} on Query { viewer { kind } }`)}`,
  };
};
