import { type DocumentNode, Kind } from 'graphql';

/** A resolver of any signature, as a module exports it. */
type Resolver = (...args: never[]) => unknown;

/** The names of the fields of the object type `typeName` in `document` (its extensions included). */
export function fieldNames(document: DocumentNode, typeName: string): string[] {
  return document.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === typeName
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/**
 * Resolvers of `fields` whose code is loaded by the first of them to run, and only then. In the
 * bundle, a dynamic `import()` in `load` puts that code in chunks of its own, which a process
 * that never runs these fields never reads or compiles.
 * @param load resolves to the resolvers by field name; called once, its promise shared.
 */
export function lazyResolvers(fields: readonly string[], load: () => Promise<Record<string, Resolver>>): Record<string, Resolver> {
  let loaded: Promise<Record<string, Resolver>> | undefined;
  return Object.fromEntries(
    fields.map((field) => [
      field,
      async (...args: unknown[]) => {
        loaded ??= load();
        const resolver = (await loaded)[field];
        if (!resolver) throw new Error(`no resolver for the field ${field}`);
        return (resolver as (...args: unknown[]) => unknown)(...args);
      },
    ]),
  );
}
