import type { ApolloServerPlugin } from '@apollo/server';

/** "Did you mean …?" in graphql-js messages (field, type, argument and enum value suggestions). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Removes schema suggestions from every error, for a stage whose schema is not public. Apollo's
 * `hideSchemaDetailsFromClientErrors` covers validation errors only; a variable holding a
 * misspelt enum value fails later, at coercion, and its message would still name the values.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
