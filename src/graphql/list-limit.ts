import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, type ValueNode } from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/**
 * Most records one operation may ask lists for: the sum, over every list field, of its page
 * size times the page sizes of the lists around it (the way GitHub counts "nodes"). 100
 * leaders with 10 meetings each is 1,100.
 */
export const MAX_LISTED_RECORDS = 2_000;

type Variables = Record<string, unknown> | undefined;

/** The page size a list field asks for: `first` from the literal or the variable, else the default of a connection. */
function pageSizeOf(
  args: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  selections: SelectionSetNode | undefined,
  variables: Variables,
): number | null {
  const first = args?.find((arg) => arg.name.value === 'first')?.value;
  // A negative size is refused by the resolver; counted as 0 it cannot offset other lists.
  if (first?.kind === Kind.INT) return Math.max(0, Number.parseInt(first.value, 10));
  if (first?.kind === Kind.VARIABLE) {
    const value = variables?.[first.name.value];
    return typeof value === 'number' ? Math.max(0, value) : DEFAULT_PAGE_SIZE;
  }
  if (first) return DEFAULT_PAGE_SIZE;
  const isConnection = selections?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'edges') ?? false;
  return isConnection ? DEFAULT_PAGE_SIZE : null;
}

/**
 * Counts the records an operation's lists may return. The count is linear in the page size of
 * the enclosing lists, so each fragment is counted once per unit and then multiplied: a
 * document that reuses fragments costs no more time to count than to read.
 */
export function countListedRecords(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
): number {
  const perFragment = new Map<string, number>();
  const count = (set: SelectionSetNode, outer: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const size = pageSizeOf(selection.arguments, selection.selectionSet, variables);
        const here = size === null ? outer : outer * size;
        if (size !== null) total += here;
        if (selection.selectionSet) total += count(selection.selectionSet, here);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, outer);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        // Validation has refused cycles; the placeholder keeps a cycle from recursing all the same.
        if (!perFragment.has(name)) {
          perFragment.set(name, 0);
          perFragment.set(name, count(fragment.selectionSet, 1));
        }
        total += outer * (perFragment.get(name) as number);
      }
    }
    return total;
  };
  return count(selectionSet, 1);
}

/**
 * Refuses operations whose lists may return more than MAX_LISTED_RECORDS records. It runs once
 * the variables are known, which armor's cost rule never sees: `first: $n` counts as its value.
 */
export function listLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const listed = countListedRecords(operation.selectionSet, fragments, request.variables);
          if (listed > MAX_LISTED_RECORDS) {
            throw new GraphQLError(
              `The operation may list ${listed} records, more than the ${MAX_LISTED_RECORDS} allowed: ask for smaller pages.`,
              {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
