import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { BATCH_GET_LIMIT } from '../store/batch.js';
import { MAX_PAGE_READS } from '../store/lists.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * Entries assumed for a list of records whose length the data decides rather than the caller:
 * the references a record holds (`participants`, `countries`, `actors`, `targets`,
 * `respondsTo`) and the lists read from a list partition (QUERIED_LISTS). The article's records
 * hold 1 to 5; the validators allow up to 100 participants. The request's budget bounds what a
 * longer list costs.
 */
export const ASSUMED_LIST_LENGTH = 10;

/**
 * Entries assumed for a list of values a record holds (`citations`, `roles`, `delegations`,
 * `items`, a disagreement's `values`): 1 to 3 in the article's records. Smaller than
 * ASSUMED_LIST_LENGTH because such lists nest (a deal's disagreements, their values, their
 * citations), and the references under them are mostly the same few records, read once.
 */
export const ASSUMED_VALUES_LENGTH = 3;

/**
 * Lists that are read with a Query of their own for each parent record, though they are not
 * connections: a meeting's statements come from the statements list of the meeting, the events
 * that answered an event from its responses list, and a deal's source records and the
 * disagreements drawn from them from one read of its list of source records, shared by every
 * field of the request that needs it (the name of that shared read; null: a read per field).
 */
const QUERIED_LISTS = new Map<string, string | null>([
  ['Meeting.statements', null],
  ['Event.respondedToBy', null],
  ['MilitaryDeal.sourceRecords', 'sourceRecords'],
  ['MilitaryDeal.disagreements', 'sourceRecords'],
]);

/** Connection arguments that make a list read skip entries, so that one page may take up to MAX_PAGE_READS Queries. */
const FILTERING_ARGUMENTS = new Set(['filter', 'activeOn', 'from', 'to']);
/** A list of deals skips the register records another deal stands for, unless this argument is true. */
const UNFILTERING_ARGUMENT = 'includeSourceRecords';

type Variables = Readonly<Record<string, unknown>> | undefined;

/** Whether a selection set asks for `name` directly or through inline fragments (not through named ones: an undercount the budget bounds). */
function selectsField(set: SelectionSetNode | undefined, name: string): boolean {
  return (set?.selections ?? []).some((s) =>
    s.kind === Kind.FIELD ? s.name.value === name : s.kind === Kind.INLINE_FRAGMENT && selectsField(s.selectionSet, name),
  );
}

/** Whether records of this type are entities, read by id through the request's loader. */
function isEntity(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  if (isObjectType(type)) return type.getInterfaces().some((i) => i.name === 'Node');
  if (isInterfaceType(type)) return type.name === 'Node';
  return isAbstractType(type) && schema.getPossibleTypes(type).every((t) => isEntity(schema, t));
}

/** Whether this type is a Relay connection (`edges` and `pageInfo`). */
function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

function returnsList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

/**
 * An estimate of the DynamoDB calls an operation makes, from the schema, the document and the
 * variables (see docs/security.md, "Cost model"). Each field that reads DynamoDB counts, times
 * the number of records it is asked for on (the page sizes and list lengths of the fields
 * around it, its multiplicity):
 *
 * - a connection: one Query per parent record (MAX_PAGE_READS when a filter may skip entries,
 *   as a list of deals does unless `includeSourceRecords: true`), `first: 0` included, plus its
 *   page's entities, read by id (page size `first`, else `last`), plus MAX_PAGE_READS more when
 *   a filtered one is asked for its `totalCount`;
 * - a list read from a list partition (QUERIED_LISTS, `search`): one Query per parent record,
 *   plus its entities;
 * - a reference or list of references (`participants`, `country`, `source`, `speaker`, …):
 *   its entities, read by id.
 *
 * Entities read by id go out in BatchGetItem calls of BATCH_GET_LIMIT keys; the count takes
 * one call per BATCH_GET_LIMIT keys of each field. The request's loader merges the keys of one
 * level into the same calls and reads each id once, so the real count is usually lower; it is
 * higher only when a list holds more entries than assumed or a filtered page needs
 * more Queries than counted, which the request's budget then bounds.
 *
 * Counting is linear in the document: a fragment is counted once per multiplicity it is used at.
 */
export function estimateCalls(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const argument = (node: FieldNode, name: string): unknown => {
    const value: ValueNode | undefined = node.arguments?.find((a) => a.name.value === name)?.value;
    if (!value) return undefined;
    if (value.kind === Kind.VARIABLE) {
      const variable = value.name.value;
      if (variables && variable in variables) return variables[variable];
      const declared = operation.variableDefinitions?.find((d) => d.variable.name.value === variable)?.defaultValue;
      return declared ? valueFromASTUntyped(declared) : undefined;
    }
    return valueFromASTUntyped(value, variables as Record<string, unknown> | undefined);
  };
  // A negative size is refused by the resolver and one over MAX_PAGE_SIZE too, with its own message.
  const pageSizeOf = (node: FieldNode): number => {
    const first = argument(node, 'first');
    const size = typeof first === 'number' ? first : argument(node, 'last');
    return typeof size === 'number' ? Math.min(Math.max(0, size), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  };
  const batches = (keys: number) => Math.ceil(keys / BATCH_GET_LIMIT);
  const memo = new Map<string, number>();

  /**
   * Calls of a selection set on `type` asked for on `records` records; `page` is the page size of
   * the connection it selects from, `read` the queried lists already counted on these records.
   */
  const count = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    records: number,
    page: number,
    read: Set<string> = new Set(),
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) total += count(selection.selectionSet, condition, records, page, read);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || !isCompositeType(condition)) continue;
        const key = `${fragment.name.value}:${records}:${page}`;
        // Validation refused cycles; the placeholder keeps one from recursing all the same.
        if (!memo.has(key)) {
          memo.set(key, 0);
          memo.set(key, count(fragment.selectionSet, condition, records, page));
        }
        total += memo.get(key) as number;
      } else {
        total += countField(selection, type, records, page, read);
      }
    }
    return total;
  };

  const countField = (node: FieldNode, parent: GraphQLCompositeType, records: number, page: number, read: Set<string>): number => {
    const name = node.name.value;
    // Introspection and __typename read nothing; a union has no other fields.
    const field = !name.startsWith('__') && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!field) return 0;
    const type = getNamedType(field.type);
    const inner = (multiplicity: number, innerPage = page) =>
      node.selectionSet && isCompositeType(type) ? count(node.selectionSet, type, multiplicity, innerPage) : 0;

    if (isConnection(type)) {
      const size = pageSizeOf(node);
      const filtered =
        [...FILTERING_ARGUMENTS].some((a) => argument(node, a) !== undefined && argument(node, a) !== null) ||
        (field.args.some((a) => a.name === UNFILTERING_ARGUMENT) && argument(node, UNFILTERING_ARGUMENT) !== true);
      const edge = getNamedType((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields().edges?.type);
      const nodeType = isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined;
      const entities = nodeType && isEntity(schema, nodeType) ? batches(records * size) : 0;
      // `totalCount` reads a counter item with the page's entities, or counts a filtered range with Queries of its own.
      const counted = filtered && selectsField(node.selectionSet, 'totalCount') ? records * MAX_PAGE_READS : 0;
      return records * (filtered ? MAX_PAGE_READS : 1) + entities + counted + inner(records, size);
    }
    // The edges of a connection's page, and the nodes of its edges, were read with it.
    if (name === 'edges' && isConnection(parent)) return inner(records * page);
    if (name === 'node' && isObjectType(parent) && 'cursor' in parent.getFields()) return inner(records);

    const search = parent === root && name === 'search';
    const list = QUERIED_LISTS.get(`${parent.name}.${name}`);
    // A shared read, once per record and request, serves every field drawn from it.
    const queries = search || list === null || (list !== undefined && !read.has(list)) ? records : 0;
    if (list) read.add(list);
    const entity = isEntity(schema, type);
    const length = !returnsList(field) ? 1 : search ? pageSizeOf(node) : entity ? ASSUMED_LIST_LENGTH : ASSUMED_VALUES_LENGTH;
    const reads = queries + (entity ? batches(records * length) : 0);
    return reads + inner(records * length);
  };

  return count(operation.selectionSet, root, 1, DEFAULT_PAGE_SIZE);
}
