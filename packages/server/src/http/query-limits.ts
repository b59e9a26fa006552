import {
  type ASTNode,
  type DefinitionNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimits {
  maxDepth: number;
  /** Fields selected in one operation, counted through fragments: a rough cost. */
  maxFields: number;
  maxAliases: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 12, maxFields: 1000, maxAliases: 30 };

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
) {
  let result = { depth, fields: 0, aliases: 0 };
  for (const selection of selectionSet.selections) {
    let inner: { depth: number; fields: number; aliases: number } | undefined;
    if (selection.kind === Kind.FIELD) {
      const child = selection.selectionSet
        ? measure(selection.selectionSet, fragments, depth + 1, seen)
        : { depth, fields: 0, aliases: 0 };
      inner = { depth: child.depth, fields: child.fields + 1, aliases: child.aliases + (selection.alias ? 1 : 0) };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, depth, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A fragment spread twice in one path would loop; graphql's own rules reject cycles.
      if (fragment && !seen.has(fragment.name.value)) {
        inner = measure(fragment.selectionSet, fragments, depth, new Set([...seen, fragment.name.value]));
      }
    }
    if (inner)
      result = {
        depth: Math.max(result.depth, inner.depth),
        fields: result.fields + inner.fields,
        aliases: result.aliases + inner.aliases,
      };
  }
  return result;
}

function limitRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(node) {
        const { depth, fields, aliases } = measure(node.selectionSet, fragments, 1, new Set());
        const refuse = (what: string) =>
          context.reportError(
            new GraphQLError(`${what} / Запрос слишком сложный`, {
              nodes: [node as ASTNode],
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        if (depth > limits.maxDepth) refuse(`Query deeper than ${limits.maxDepth} levels`);
        else if (fields > limits.maxFields) refuse(`Query selects more than ${limits.maxFields} fields`);
        else if (aliases > limits.maxAliases) refuse(`Query uses more than ${limits.maxAliases} aliases`);
      },
    };
  };
}

/** Refuses operations too deep, too wide or too aliased before they run. */
export function useQueryLimits(limits: QueryLimits = defaultQueryLimits): Plugin {
  const rule = limitRule(limits);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

const hasIntrospection = (selectionSet: SelectionSetNode | undefined): boolean =>
  !!selectionSet?.selections.some(
    (s) =>
      (s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type')) ||
      ((s.kind === Kind.FIELD || s.kind === Kind.INLINE_FRAGMENT) && hasIntrospection(s.selectionSet)),
  );

/** The schema is described to staff only: visitors and contacts get no introspection. */
export function useStaffOnlyIntrospection(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as { viewer?: { kind: string } }).viewer;
      if (viewer?.kind === 'staff') return;
      const introspects = args.document.definitions.some(
        (d: DefinitionNode) =>
          (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) &&
          hasIntrospection(d.selectionSet),
      );
      if (introspects) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError('Introspection is available to staff only. / Схема доступна только сотрудникам.', {
              extensions: { code: 'FORBIDDEN' },
            }),
          ],
        });
      }
    },
  };
}
