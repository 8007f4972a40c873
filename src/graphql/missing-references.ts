import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { Context } from './context.js';

/** A reference a record holds to something no longer (or not yet) in the knowledge base. */
export interface MissingReference {
  code: 'MISSING_REFERENCE';
  message: string;
  /** Where in the answer the reference was left out: the list it would have been in. */
  path: (string | number)[];
  id: string;
  /** When a node was left out because it holds the reference: the node's id. */
  node?: string;
}

/**
 * The references of one request that did not resolve (old data, a delete racing a read).
 * Each is left out of its list and reported once, so one missing record never takes the
 * rest of the answer with it.
 */
export class MissingReferences {
  private readonly found = new Map<string, MissingReference>();

  /** Notes that the list at `info`'s path left out `id`. */
  report(info: GraphQLResolveInfo, id: string): void {
    const path = responsePathAsArray(info.path);
    const key = `${path.join('.')}#${id}`;
    if (this.found.has(key)) return;
    this.found.set(key, {
      code: 'MISSING_REFERENCE',
      message: `${info.fieldName}: ${id} is not in the knowledge base; it is left out`,
      path,
      id,
    });
  }

  /**
   * Notes that the list at `info`'s path, then `within`, left out the node `node` because its
   * required `field` refers to `id`, which did not resolve.
   */
  reportNode(info: GraphQLResolveInfo, within: readonly string[], missing: { node: string; field: string; id: string }): void {
    const path = [...responsePathAsArray(info.path), ...within];
    const key = `${path.join('.')}#${missing.node}#${missing.id}`;
    if (this.found.has(key)) return;
    this.found.set(key, {
      code: 'MISSING_REFERENCE',
      message: `${missing.field}: ${missing.id} is not in the knowledge base; ${missing.node} is left out of ${info.fieldName}`,
      path,
      id: missing.id,
      node: missing.node,
    });
  }

  /** Everything reported, in the order it was met. */
  list(): MissingReference[] {
    return [...this.found.values()];
  }
}

/**
 * Adds what was left out to the answer, in every stage:
 * `extensions.missingReferences = [{ code: 'MISSING_REFERENCE', message, path, id }]`.
 */
export function missingReferencesPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const missing = contextValue.missing?.list() ?? [];
          if (missing.length === 0 || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, missingReferences: missing };
        },
      };
    },
  };
}
