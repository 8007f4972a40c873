import { readFileSync } from 'node:fs';

/** A frontend operation as the benches send it: the document of `operations/<file>.graphql` and its variables. */
export interface BenchOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A GraphQL answer as the benches read it. */
export interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
  extensions?: { dynamodb?: { calls: number; operations: Record<string, number> } };
}

/** Sends one operation and returns the parsed answer. */
export type Send = (query: string, variables: Record<string, unknown>) => Promise<Answer>;

const document = (file: string) => readFileSync(new URL(`./operations/${file}.graphql`, import.meta.url), 'utf8');

/** Search across kinds: a word of events, deals and statements. */
export const SEARCH_ALL = { text: 'missiles', first: 5 };
/** Top suppliers by TIV delivered for orders 2015-2024. */
export const ARMS_TRANSFER_STATS = {
  filter: { orderedFrom: 2015, orderedTo: 2024 },
  groupBy: 'SUPPLIER',
  orderBy: 'TIV_DELIVERED',
  first: 10,
};

/** The timeline both relations pages read. */
const RELATIONS = { countries: ['IR', 'RU'], from: '2022', first: 5 };

/**
 * The frontend operations, on the article's data. The second page of the relations timeline
 * needs the first page's `endCursor`, so it is read through `send` first.
 */
export async function benchOperations(send: Send): Promise<BenchOperation[]> {
  const relations = document('relations-timeline');
  const first = await send(relations, RELATIONS);
  const pageInfo = (first.data?.relations as { pageInfo?: { hasNextPage: boolean; endCursor: string | null } } | undefined)?.pageInfo;
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) throw new Error(`the relations timeline has no second page: ${JSON.stringify(first)}`);
  return [
    { name: 'leader-meetings', query: document('leader-meetings'), variables: { id: 'leader:vladimir-putin', first: 5 } },
    {
      name: 'deals-by-supplier-and-recipient',
      query: document('deals-by-supplier-and-recipient'),
      variables: { supplier: 'RU', recipient: 'IR', first: 10 },
    },
    { name: 'relations-page-1', query: relations, variables: RELATIONS },
    { name: 'relations-page-2', query: relations, variables: { ...RELATIONS, after: pageInfo.endCursor } },
    { name: 'search', query: document('search'), variables: { text: 'iran', first: 5 } },
    { name: 'events-with-actors', query: document('events-with-actors'), variables: { actor: 'country:IR', first: 10 } },
    { name: 'node-lookup', query: document('node-lookup'), variables: { id: 'meeting:2024-10-11-putin-pezeshkian-ashgabat' } },
    { name: 'search-all', query: document('search-all'), variables: SEARCH_ALL },
    { name: 'arms-transfer-stats', query: document('arms-transfer-stats'), variables: ARMS_TRANSFER_STATS },
  ];
}

/**
 * Throws unless the answer has data and no errors: a bench must not time error answers.
 * @param what names the operation in the message
 */
export function expectData(answer: Answer, what: string): void {
  if (answer.errors?.length || !answer.data) throw new Error(`${what} answered with errors: ${JSON.stringify(answer.errors ?? answer)}`);
}
