import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { DomainError } from '../services/domain-error.ts';
import type { GraphQLContext } from './context.ts';
import { declaredMaxItems, type MaxItems } from './list-bounds.ts';

interface Refusal {
  /** Argument, then input fields, down to the list: `input.results`. */
  path: string[];
  maxItems: number;
  bound: MaxItems;
}
/** Looks through one value of an argument or input field for a list over its bound. */
type Check = (value: unknown, ctx: GraphQLContext) => Refusal | null;
type ErrorClass = new (...args: never[]) => unknown;

/**
 * Enforces the list bounds declared with `atMost`/`atMostUploadFiles` (the `maxItems` extension
 * of arguments and input fields), once for the whole schema, before any resolver runs.
 *
 * One walk of the built schema finds every field with a bounded list among its arguments, at any
 * depth of input objects, and wraps its `resolve` (and `subscribe`) in a check of the coerced
 * arguments. The wrapper is outermost: it runs before authorization and before the resolver, and
 * costs one length comparison per list (items are visited only when they hold lists themselves).
 * Fields without bounded lists are left untouched.
 *
 * A list over its bound is refused and changes nothing: a GraphQL error with code
 * BAD_USER_INPUT, naming the argument and the bound in English and Russian. Files over
 * UPLOAD_MAX_FILES keep their established answer: the TOO_MANY_FILES DomainError result where
 * the field's result admits one.
 */
export function guardListBounds(schema: GraphQLSchema): GraphQLSchema {
  const inputChecks = new Map<string, Check | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) guardField(field, inputChecks);
  }
  return schema;
}

function guardField(field: GraphQLField<unknown, GraphQLContext>, inputChecks: Map<string, Check | null>) {
  const checks = field.args.flatMap((arg) => {
    const check = checkOf(arg.type, declaredMaxItems(arg.extensions), inputChecks);
    return check ? [[arg.name, check] as const] : [];
  });
  if (checks.length === 0) return;
  // The error classes the field answers as results (plugin-errors): DomainError, when it does.
  const handled = (field.extensions.pothosErrors ?? []) as ErrorClass[];
  const refuse = (refusal: Refusal, asResult: boolean) => {
    if (asResult && refusal.bound === 'UPLOAD_MAX_FILES' && handled.includes(DomainError))
      return wrapErrorIfMatches(
        new DomainError('TOO_MANY_FILES', 'files', `at most ${refusal.maxItems} files`),
        handled,
      );
    throw tooManyItems(refusal);
  };
  const guard =
    (
      next: GraphQLFieldResolver<unknown, GraphQLContext>,
      asResult: boolean,
    ): GraphQLFieldResolver<unknown, GraphQLContext> =>
    (source, args, ctx, info) => {
      for (const [name, check] of checks) {
        const refusal = check(args[name], ctx);
        if (refusal) return refuse({ ...refusal, path: [name, ...refusal.path] }, asResult);
      }
      return next(source, args, ctx, info);
    };
  field.resolve = guard(field.resolve ?? defaultFieldResolver, true);
  if (field.subscribe) field.subscribe = guard(field.subscribe, false);
}

/** The GraphQL error of a list over its bound. */
function tooManyItems({ path, maxItems }: Refusal): GraphQLError {
  const argument = path.join('.');
  return new GraphQLError(
    `Too many items in ${argument}: at most ${maxItems}. / Слишком много элементов в ${argument}: не более ${maxItems}.`,
    { extensions: { code: 'BAD_USER_INPUT', argument, maxItems } },
  );
}

/** The check of a value of this type, or null when nothing in it is a list. */
function checkOf(type: GraphQLInputType, bound: MaxItems | null, inputChecks: Map<string, Check | null>): Check | null {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isInputObjectType(nullable)) return checkOfInput(nullable, inputChecks);
  if (!isListType(nullable)) return null;
  // The bound of a list holds for the lists inside it too ([[Int!]!] has one place to declare it).
  const itemCheck = checkOf(nullable.ofType, bound, inputChecks);
  return (value, ctx) => {
    if (!Array.isArray(value)) return null;
    const maxItems = bound === 'UPLOAD_MAX_FILES' ? ctx.uploadLimits.maxFiles : bound;
    if (bound !== null && maxItems !== null && value.length > maxItems) return { path: [], maxItems, bound };
    if (itemCheck)
      for (const item of value) {
        const refusal = itemCheck(item, ctx);
        if (refusal) return refusal;
      }
    return null;
  };
}

function checkOfInput(type: GraphQLInputObjectType, inputChecks: Map<string, Check | null>): Check | null {
  if (inputChecks.has(type.name)) return inputChecks.get(type.name) ?? null;
  // An input type may contain itself: until its check is known, a deferred one stands in.
  let known: Check | null = null;
  inputChecks.set(type.name, (value, ctx) => (known ? known(value, ctx) : null));
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const check = checkOf(field.type, declaredMaxItems(field.extensions), inputChecks);
    return check ? [[field.name, check] as const] : [];
  });
  if (fields.length > 0)
    known = (value, ctx) => {
      if (value === null || typeof value !== 'object') return null;
      for (const [name, check] of fields) {
        const refusal = check((value as Record<string, unknown>)[name], ctx);
        if (refusal) return { ...refusal, path: [name, ...refusal.path] };
      }
      return null;
    };
  inputChecks.set(type.name, known);
  return known;
}
