import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { countryId } from '../domain/ids.js';
import type { DealRecord, EventRecord, MeetingRecord, StatementRecord } from '../domain/records.js';
import type { Context } from './context.js';
import type { Model } from './models.js';

/**
 * The references a record must hold, by record type: the schema marks the fields that follow
 * them non-null, so a node whose one is missing could only be answered as an error that nulls
 * the list it is in and every list above it.
 */
const REQUIRED: Partial<Record<string, readonly string[]>> = {
  deal: ['supplier', 'recipient'],
  statement: ['speaker'],
};

/**
 * Other references the nodes' fields follow, by record type and field. Loaded in the check's
 * batch, they are in the loader's cache when those fields resolve, so the check adds no round
 * trip of its own to an operation that asks for them beside the required ones.
 */
const BESIDE: Partial<Record<string, Record<string, (node: Model) => (string | undefined)[]>>> = {
  meeting: {
    participants: (node) => (node as Model<MeetingRecord>).participants,
    countries: (node) => (node as Model<MeetingRecord>).countries.map(countryId),
  },
  event: {
    actors: (node) => (node as Model<EventRecord>).actors,
    targets: (node) => (node as Model<EventRecord>).targets,
    countries: (node) => ((node as Model<EventRecord>).countries ?? []).map(countryId),
  },
  deal: { sameAs: (node) => [(node as Model<DealRecord>).sameAs] },
  statement: {
    speakers: (node) => [(node as Model<StatementRecord>).speaker, ...((node as Model<StatementRecord>).coSpeakers ?? [])],
    reporter: (node) => [(node as Model<StatementRecord>).reporter],
    meeting: (node) => [(node as Model<StatementRecord>).meeting],
    countries: (node) => (node as Model<StatementRecord>).countries.map(countryId),
  },
};

/** The names of the fields selected at `path` below the field being resolved (through fragments too). */
function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'InlineFragment') visit(selection.selectionSet, depth);
      else if (selection.kind === 'FragmentSpread') visit(info.fragments[selection.name.value]?.selectionSet, depth);
      else if (depth === path.length) names.add(selection.name.value);
      else if (selection.name.value === path[depth]) visit(selection.selectionSet, depth + 1);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}

/**
 * Keeps the nodes whose required references the operation asks for and that resolve. The
 * references of the whole page go out in one batch of the request's loader (with those of
 * `BESIDE` and the cited sources the operation asks for), so the fields that follow them then
 * read the loader's cache. A node left out (old data, a delete racing this read) is reported
 * once in `extensions.missingReferences`, at the list it would have been in: the field being
 * resolved, then `within` (`['edges']` for a connection).
 *
 * @param nodes the page's nodes, in order
 * @param selection where the nodes are in the field's selection (`['edges', 'node']` for a connection)
 * @returns whether each node stays, in order
 */
export async function requiredReferencesResolve(
  nodes: readonly Model[],
  ctx: Pick<Context, 'loaders' | 'missing'>,
  info: GraphQLResolveInfo | undefined,
  selection: readonly string[],
  within: readonly string[] = [],
): Promise<boolean[]> {
  const asked = info ? selectedAt(info, selection) : new Set<string>();
  const checks = nodes.map((node) =>
    (REQUIRED[node.type] ?? [])
      .filter((field) => asked.has(field))
      .map((field) => ({ field, id: (node as Record<string, unknown>)[field] as string })),
  );
  if (!info || checks.every((c) => c.length === 0)) return nodes.map(() => true);
  const sources = selectedAt(info, [...selection, 'citations']).has('source');
  const beside = nodes.flatMap((node) => [
    ...Object.entries(BESIDE[node.type] ?? {}).flatMap(([field, ids]) => (asked.has(field) ? ids(node) : [])),
    ...(sources && 'citations' in node ? node.citations.map((c) => c.source) : []),
  ]);
  const ids = [...new Set([...checks.flat().map((c) => c.id), ...beside])].filter((id): id is string => !!id);
  const loaded = await ctx.loaders.entity.loadMany(ids);
  const found = new Map(ids.map((id, i) => [id, loaded[i]]));
  return nodes.map((node, i) => {
    const missing = (checks[i] ?? []).filter((c) => {
      const model = found.get(c.id);
      if (model instanceof Error) throw model;
      return !model;
    });
    for (const { field, id } of missing) ctx.missing.reportNode(info, within, { node: node.id, field, id });
    return missing.length === 0;
  });
}
