import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Lexer, Source, TokenKind, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** How large and how nested one GraphQL document may be. */
export interface QueryLimits {
  /**
   * Characters of the document's text, checked before it is parsed. yoga keeps up to 1,024 parsed
   * (or refused) documents for an hour keyed by their text, so this also bounds that memory.
   */
  maxLength: number;
  /** Lexical tokens (names, punctuation, values), counted while parsing: bounds all later work. */
  maxTokens: number;
  /**
   * Tokens of a document from anyone but staff: visitors, contacts and callers without a
   * credential (the widget's largest document has 81). graphql-js's check of same-named fields
   * grows with the square of the tokens and allocates as it goes: the worst case took ~23 ms of
   * CPU at 1,000 tokens, 3.5 ms and 5.4 MB of garbage at 500, and a sustained flood of it at 500
   * still kept the collector busy beside a normal client's requests (bench/RESULTS.md). 200 is
   * two fifths of that, with room for the widget to grow, and GraphiQL's introspection query (183)
   * still reaches the introspection check: a caller without a token is told introspection is for
   * staff, not that the query is too long (decision 23).
   */
  maxPublicTokens: number;
  /** Nesting of fields (fragments do not add a level). `__schema` is measured by `maxIntrospectionDepth`. */
  maxDepth: number;
  /** Nesting of everything, `__schema` included: GraphiQL's introspection query needs 21. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /**
   * GraphQL Armor's estimate of the work, with fragments expanded: 1 a scalar, 2 an object, ×1.5
   * a level, × a literal `first:`/`last:`. 20,000 ≈ a page of 100 tickets with 50 fields each.
   */
  maxCost: number;
}

/**
 * The limits of the API. Tokens are the first guard, and the tightest: graphql-js's own validation
 * compares same-named fields pairwise (OverlappingFieldsCanBeMergedRule), so its work on a document
 * the other limits let through grows with the square of its length. The worst we found,
 * `{ viewer { kind } viewer { kind } … }`, took 3.5 ms of CPU at 500 tokens, 11 at 750, 23 at 1,000.
 * The widget's largest document has 81 tokens, GraphiQL's introspection query 183; 1,000 leaves a
 * staff console's pages room while the worst case stays under half the 50 ms stall budget, and
 * only staff get it: everyone else has {@link QueryLimits.maxPublicTokens}.
 */
export const queryLimits: QueryLimits = {
  maxLength: 32_768,
  maxTokens: 1_000,
  maxPublicTokens: 200,
  maxDepth: 12,
  maxIntrospectionDepth: 24,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 20_000,
};

/** Which limit refused a document, as `extensions.limit` says. */
export type Limit = 'length' | 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost';

const messages: Record<Limit, (n: number) => string> = {
  length: (n) => `The query is longer than ${n} characters. / Запрос длиннее ${n} символов.`,
  tokens: (n) => `The query is longer than ${n} tokens. / Запрос длиннее ${n} лексем.`,
  depth: (n) => `The query is nested deeper than ${n} levels. / Запрос вложен глубже ${n} уровней.`,
  aliases: (n) => `The query uses more than ${n} aliases. / В запросе больше ${n} псевдонимов.`,
  directives: (n) => `The query uses more than ${n} directives. / В запросе больше ${n} директив.`,
  // The cost formula is the library's: naming a number would explain little.
  cost: () =>
    'The query asks for too much at once: ask for fewer items or fields. / Запрос слишком объёмный: запросите меньше записей или полей.',
};

/** The refusal of a document over a limit: `extensions.code` is `QUERY_TOO_COMPLEX`, `extensions.limit` names the limit. */
export class QueryTooComplexError extends GraphQLError {
  constructor(limit: Limit, n: number) {
    super(messages[limit](n), { extensions: { code: 'QUERY_TOO_COMPLEX', limit } });
  }
}

/**
 * Runs `work` capturing no stack traces: a refusal is an answer, not a fault, and a flood of
 * refused documents made capturing them (in our errors and in Armor's) a few per cent of the CPU.
 */
export function withoutStacks<T>(work: () => T): T {
  const frames = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = frames;
  }
}

// Armor's rules report through these callbacks; throwing stops the traversal at the first refusal.
const refuse = (limit: Limit, n: number) => ({
  propagateOnRejection: false,
  onReject: [
    () => {
      throw new QueryTooComplexError(limit, n);
    },
  ],
});

/**
 * GraphQL Armor's validation rules, configured. Each memoizes what a named fragment contributes
 * (read in their code: `visitedFragments`), so a fragment spread many times is measured once and
 * the check is linear in the document, not in its expansion.
 */
function limitRules(limits: QueryLimits) {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...refuse('depth', limits.maxDepth),
    }),
    // Armor skips `__schema` entirely above; this bounds it too, so introspection cannot nest without end.
    maxDepthRule({
      n: limits.maxIntrospectionDepth,
      flattenFragments: true,
      ignoreIntrospection: false,
      ...refuse('depth', limits.maxIntrospectionDepth),
    }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...refuse('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse('directives', limits.maxDirectives) }),
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ...refuse('cost', limits.maxCost) }),
  ];
}

/** The first limit `document` is over, or null. Costs one pass over the document. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits = queryLimits,
): QueryTooComplexError | null {
  try {
    withoutStacks(() => validate(schema, document, limitRules(limits)));
    return null;
  } catch (error) {
    if (error instanceof QueryTooComplexError) return error;
    throw error;
  }
}

type ParseHook = NonNullable<Plugin['onParse']>;

const textOf = (source: string | Source) => (typeof source === 'string' ? source : source.body);

/** True when `text` has more than `n` lexical tokens (counted as Armor does); a lexing error is left to the parser. */
export function moreTokensThan(text: string, n: number): boolean {
  const lexer = new Lexer(new Source(text));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) if (++count > n) return true;
  } catch {
    return false;
  }
  return false;
}

/** yoga's parse and validation cache, among the envelop plugins: yoga adds it without a name. */
export function isYogaParseCache(plugin: Plugin): boolean {
  return (
    typeof plugin.onParse === 'function' &&
    typeof plugin.onValidate === 'function' &&
    plugin.onParse.toString().includes('documentCache')
  );
}

/**
 * yoga keeps the parsed document of every text it sees (1,024 of them, for an hour). An anonymous
 * flood of distinct documents (a comment or an alias changed in each) filled it: each parsed
 * document of 1,000 tokens holds ~190 KB, so the heap grew by up to ~190 MB of attacker-chosen
 * trees, every new one survived the young generation (copied, then promoted), and the full
 * collections that followed paused the loop for 100–200 ms. Operations of anyone but staff still
 * read the cache (documents staff sent are answered from it) but no longer add to it; their
 * documents are young garbage, cheap to collect.
 */
function keepPublicDocumentsOutOfTheCache(plugins: Plugin[], staff: (context: unknown) => boolean): void {
  for (const plugin of plugins) {
    if (!isYogaParseCache(plugin)) continue;
    const lookUp = plugin.onParse as ParseHook;
    // Its hook looks the text up, and returns the callback that stores what the parse gave.
    plugin.onParse = (payload) => {
      const store = lookUp(payload);
      return staff(payload.context) ? store : undefined;
    };
  }
}

/**
 * Refuses documents over {@link queryLimits} with {@link QueryTooComplexError}: too long before
 * parsing (and before yoga's parse cache keeps the text), too many tokens while parsing (the
 * parser stops there), the rest before graphql-js's own validation runs — a
 * separate pass whose refusal replaces the validation result, because in one pass the built-in
 * rules would do their (super-linear) work on a node before ours see it. Applies to every
 * operation through yoga's envelop, over HTTP and WebSocket alike.
 */
export function useQueryLimits(options: {
  /** Whether the operation's caller is staff (a session or an API token), known before parsing. */
  staff: (context: unknown) => boolean;
  limits?: QueryLimits;
  /**
   * Whether the document-check worker found this text valid for this operation
   * (public-document-check.ts): its limits, token count included, were then measured there.
   */
  checked?: (context: unknown, text: string | undefined) => boolean;
}): Plugin {
  const { staff, limits = queryLimits, checked = () => false } = options;
  // yoga's parse cache hands out the same document for the same text: it is measured once.
  const measured = new WeakMap<DocumentNode, QueryTooComplexError | null>();
  return {
    onPluginInit({ addPlugin, plugins }) {
      // Added after this plugin: its parse hook runs after the length check below. Its parser
      // counts tokens through a proxy of the lexer (~25 KB of garbage a document): a document the
      // worker found valid has been counted there and is parsed by graphql-js's own parser.
      const tokens: Plugin = maxTokensPlugin({ n: limits.maxTokens, ...refuse('tokens', limits.maxTokens) });
      const countTokens = tokens.onParse;
      if (countTokens) {
        tokens.onParse = (payload) =>
          checked(payload.context, textOf(payload.params.source)) ? undefined : countTokens(payload);
      }
      addPlugin(tokens);
      keepPublicDocumentsOutOfTheCache(plugins, staff);
    },
    onParse({ params: { source }, context }) {
      const text = textOf(source);
      if (text.length > limits.maxLength)
        throw withoutStacks(() => new QueryTooComplexError('length', limits.maxLength));
      // One more pass of the lexer, linear and stopped at the limit, before the parser's own count.
      if (!staff(context) && !checked(context, text) && moreTokensThan(text, limits.maxPublicTokens)) {
        throw withoutStacks(() => new QueryTooComplexError('tokens', limits.maxPublicTokens));
      }
    },
    onValidate({ params, context, setResult }) {
      if (checked(context, params.documentAST.loc?.source.body)) return;
      let refusal = measured.get(params.documentAST);
      if (refusal === undefined) {
        refusal = checkQueryLimits(params.schema, params.documentAST, limits);
        measured.set(params.documentAST, refusal);
      }
      if (refusal) setResult([refusal]);
    },
  };
}
