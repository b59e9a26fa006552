import {
  type ASTNode,
  type ASTVisitor,
  buildSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  visitInParallel,
} from 'graphql';
import { describe, expect, it } from 'vitest';

// graphql-js's visitInParallel, as the server loads it (patches/graphql@16.15.0.patch): it asks each
// visitor only for the kinds it names, instead of every kind of every visitor, which was three
// quarters of validating a small document (decision 25). Nothing a visitor sees may change.

const document = parse(`
  query Q($id: ID!) { node(id: $id) { id ...F } viewer { kind } }
  fragment F on Ticket { title thread { text } }
`);

type Call = string;
/** A visitor of each shape graphql-js accepts, each writing down what it is called for. */
function visitors(calls: Call[][]): ASTVisitor[] {
  const log = (i: number) => (what: string) => (node: ASTNode) => {
    const own = calls[i] ?? [];
    calls[i] = own;
    own.push(`${what} ${node.kind} ${node.loc?.start}`);
  };
  class KindMethods {
    Field(node: ASTNode) {
      log(3)('Field')(node);
    }
    FragmentSpread(node: ASTNode) {
      log(3)('FragmentSpread')(node);
    }
  }
  const bare = Object.create(null) as Record<string, unknown>;
  bare[Kind.VARIABLE] = log(5)('Variable');
  return [
    // A function per kind, and a key that names no kind.
    { Field: log(0)('Field'), Name: log(0)('Name'), notAKind: log(0)('never') } as ASTVisitor,
    // enter and leave per kind; skipping the fragment's selections.
    {
      FragmentDefinition: { enter: log(1)('enter'), leave: log(1)('leave') },
      SelectionSet: {
        enter: (node: ASTNode) => {
          log(1)('enter')(node);
          return node.loc?.start !== undefined && node.loc.start > 80 ? false : undefined;
        },
      },
    } as ASTVisitor,
    // enter and leave for every kind.
    { enter: log(2)('enter'), leave: log(2)('leave') } as ASTVisitor,
    // Methods on a class's prototype, as some validation rules are written.
    new KindMethods() as unknown as ASTVisitor,
    // A kind's entry that holds nothing.
    { Field: {}, OperationDefinition: log(4)('OperationDefinition') } as ASTVisitor,
    // An object without a prototype.
    bare as ASTVisitor,
  ];
}

describe("graphql-js's visitInParallel, as patched", () => {
  it('should call every kind of visitor for exactly what visiting it alone calls it for, in the same order', () => {
    const alone: Call[][] = [];
    for (const visitor of visitors(alone)) visit(document, visitor);
    const together: Call[][] = [];
    visit(document, visitInParallel(visitors(together)));
    expect(together).toEqual(alone);
    // Each shape was called at all (a visitor asked for no kind would show as missing here).
    expect(alone.map((calls) => calls.length > 0)).toEqual([true, true, true, true, true, true]);
    expect(alone[0]?.some((call) => call.startsWith('never'))).toBe(false);
  });

  it('should leave graphql-js validation finding what its rules find', () => {
    const schema = buildSchema(`
      type Query { node(id: ID!): Ticket viewer: Viewer }
      type Viewer { kind: String }
      type Ticket { id: ID! title: String }
    `);
    const messages = (text: string) => validate(schema, parse(text), specifiedRules).map((error) => error.message);
    expect(messages('{ viewer { kind } }')).toEqual([]);
    expect(messages('{ viewer { kinds } }')).toEqual([
      'Cannot query field "kinds" on type "Viewer". Did you mean "kind"?',
    ]);
    expect(messages('query ($unused: ID) { viewer { kind } }')).toEqual(['Variable "$unused" is never used.']);
    expect(messages('{ node(id: 1, other: 2) { id } }')).toEqual(['Unknown argument "other" on field "Query.node".']);
    expect(messages('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    expect(messages('query A { viewer { kind } } query A { viewer { kind } }')).toEqual([
      'There can be only one operation named "A".',
    ]);
  });
});
