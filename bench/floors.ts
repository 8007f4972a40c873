import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandOutput,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { EventRecord } from '../src/domain/records.js';
import { responseLinks } from '../src/domain/response-links.js';
import { decodeCursor } from '../src/store/cursor.js';

/**
 * The floor of each warm operation: the fewest DynamoDB calls that read the same data,
 * issued straight through the DocumentClient, independent calls in parallel. Nothing of the
 * gateway is on this path except the key formats (`pk`/`sk` as `src/store/keys.ts` writes them).
 */

type Item = Record<string, unknown> & { pk: string; d: Record<string, unknown> };
type Ids = (string | undefined)[];

const country = (code: unknown) => (typeof code === 'string' ? `country:${code}` : undefined);

/** One floor run: the table, the calls made, and the entities read so far (never read twice). */
class FloorRun {
  calls = 0;
  readonly entities = new Map<string, Item>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<Item | undefined> {
    this.calls += 1;
    const out = (await this.client.send(new GetCommand({ TableName: this.table, Key: { pk: id, sk: '#' } }))) as GetCommandOutput;
    const item = out.Item as Item | undefined;
    if (item) this.entities.set(id, item);
    return item;
  }

  /** Reads the entities not read yet, in one BatchGetItem (every floor here needs fewer than 100). */
  async batchGet(ids: Ids): Promise<Item[]> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== undefined && !this.entities.has(id)))];
    if (wanted.length > 0) {
      this.calls += 1;
      const out = (await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: wanted.map((pk) => ({ pk, sk: '#' })) } } }),
      )) as BatchGetCommandOutput;
      for (const item of (out.Responses?.[this.table] ?? []) as Item[]) this.entities.set(item.pk, item);
    }
    return ids.flatMap((id) => (id && this.entities.has(id) ? [this.entities.get(id) as Item] : []));
  }

  /**
   * The number of entries of a dated list that reach `from`: a count of the key range a year
   * before it on, and of the list's long facts below that (two Queries, in parallel).
   */
  async count(pk: string, from: string): Promise<number> {
    const low = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
    const counts = await Promise.all(
      [
        { pk, condition: 'pk = :pk AND sk BETWEEN :low AND :high', values: { ':low': low, ':high': '9999-12-31\uffff' } },
        { pk: `${pk}#LONG`, condition: 'pk = :pk AND sk BETWEEN :min AND :low', values: { ':min': '0000-00-00', ':low': low } },
      ].map(async (range) => {
        this.calls += 1;
        const out = (await this.client.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: range.condition,
            FilterExpression: 'e >= :from',
            ExpressionAttributeValues: { ':pk': range.pk, ':from': from, ...range.values },
            Select: 'COUNT',
          }),
        )) as QueryCommandOutput;
        return out.Count ?? 0;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The refs of the first `limit` entries of a list, newest first (one Query). */
  async list(
    pk: string,
    limit: number,
    options: { after?: string; from?: string; prefix?: string } = {},
  ): Promise<{ ref: string; sk: string }[]> {
    this.calls += 1;
    const values: Record<string, string> = { ':pk': pk };
    let condition = 'pk = :pk';
    if (options.prefix) {
      condition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = options.prefix;
    }
    if (options.from) {
      // A fact that reaches `from` starts at most a year before it; its last day `e` decides.
      condition += ' AND sk BETWEEN :low AND :high';
      values[':low'] = `${Number(options.from.slice(0, 4)) - 1}${options.from.slice(4)}`;
      values[':high'] = '9999-12-31\uffff';
      values[':from'] = options.from;
    }
    const out = (await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: condition,
        ...(options.from ? { FilterExpression: 'e >= :from', Limit: 50 } : { Limit: limit }),
        ExpressionAttributeValues: values,
        ProjectionExpression: 'pk, sk, #ref',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ScanIndexForward: options.prefix !== undefined,
        ...(options.after ? { ExclusiveStartKey: { pk, sk: options.after } } : {}),
      }),
    )) as QueryCommandOutput;
    return ((out.Items ?? []) as { ref: string; sk: string }[]).slice(0, limit);
  }
}

/** A floor: reads what one operation needs and returns how many calls it made. */
export type Floor = (client: DynamoDBDocumentClient, table: string) => Promise<number>;

const refsOf = (entries: { ref: string }[], first: number) => entries.slice(0, first).map((e) => e.ref);

/** A leader and its latest meetings: the leader and its meetings list at once, then three levels of references. */
function leaderMeetings(id: string, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const [leader, entries] = await Promise.all([run.get(id), run.list(`MEETINGS#${id}`, first + 1)]);
    const roles = (leader?.d.roles ?? []) as { country?: string; organization?: string }[];
    const meetings = await run.batchGet([
      // totalCount: the list's counter, with the page's entities.
      `COUNT#MEETINGS#${id}`,
      country(leader?.d.country),
      ...roles.flatMap((r) => [country(r.country), r.organization]),
      ...refsOf(entries, first),
    ]);
    const named = await run.batchGet(
      meetings
        .filter((m) => m.d?.type === 'meeting')
        .flatMap((m) => {
          const d = m.d as { participants: string[]; location?: { country?: string }; delegations: { representing?: string }[] };
          return [...d.participants, country(d.location?.country), ...d.delegations.map((g) => g.representing)];
        }),
    );
    await run.batchGet(named.filter((n) => n.d.type === 'leader').map((n) => country(n.d.country as string | undefined)));
    return run.calls;
  };
}

/** Deals between two parties, then their parties and cited sources. */
function dealsBetween(supplier: string, recipient: string, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const list = `DEALS#${supplier}#${recipient}`;
    const deals = await run.batchGet([`COUNT#${list}`, ...refsOf(await run.list(list, first + 1), first)]);
    await run.batchGet(
      deals
        .filter((deal) => deal.d)
        .flatMap((deal) => {
          const d = deal.d as { supplier: string; recipient: string; citations: { source: string }[] };
          return [d.supplier, d.recipient, ...d.citations.map((c) => c.source)];
        }),
    );
    return run.calls;
  };
}

/** One page of a bilateral timeline from a date, then the people its meetings and statements name. */
function relationsPage(pair: string, from: string, first: number, afterCursor?: string): Floor {
  const after = afterCursor ? decodeCursor(afterCursor, pair) : undefined;
  return async (client, table) => {
    const run = new FloorRun(client, table);
    // totalCount of a date range: a count of the range (and of the long facts below it), beside the page's read.
    const [entries] = await Promise.all([run.list(pair, first + 1, { from, ...(after ? { after } : {}) }), run.count(pair, from)]);
    const items = await run.batchGet(refsOf(entries, first));
    await run.batchGet(
      items.flatMap((item) =>
        item.d.type === 'meeting' ? (item.d.participants as string[]) : item.d.type === 'statement' ? [item.d.speaker as string] : [],
      ),
    );
    return run.calls;
  };
}

/** Names starting with the text, best match first as the gateway ranks them, then the leaders' countries. */
function search(folded: string, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const entries = await run.list(`NAMES#${folded[0]}`, first * 4 + 1, { prefix: folded });
    const scores = new Map<string, number>();
    for (const { ref, sk } of entries.slice(0, first * 4)) {
      const name = sk.slice(0, sk.lastIndexOf('#'));
      const score = (name === folded ? 0 : 1_000) + name.length;
      scores.set(ref, Math.min(score, scores.get(ref) ?? score));
    }
    const ranked = [...scores]
      .sort((a, b) => a[1] - b[1])
      .slice(0, first)
      .map(([ref]) => ref);
    const hits = await run.batchGet(ranked);
    await run.batchGet(hits.filter((h) => h.d.type === 'leader').map((h) => country(h.d.country)));
    return run.calls;
  };
}

/** Events of an actor, then everyone and everything they reference. */
function eventsOf(actor: string, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const entries = await run.list(`EVENTS#${actor}`, first + 1);
    const events = await run.batchGet([`COUNT#EVENTS#${actor}`, ...refsOf(entries, first)]);
    await run.batchGet(
      events
        .filter((event) => event.d)
        .flatMap((event) => {
          const d = event.d as EventRecord;
          return [...d.actors, ...d.targets, ...responseLinks(d).map((link) => link.event), country(d.location?.country)];
        }),
    );
    return run.calls;
  };
}

/** A meeting by id, then its participants. */
function meetingById(id: string): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const meeting = await run.get(id);
    await run.batchGet((meeting?.d.participants ?? []) as string[]);
    return run.calls;
  };
}

/**
 * Search across kinds: one window of the search index (one Query, `begins_with`), ranked as the
 * gateway ranks it (names before other fields, whole before start before word, newest first),
 * then the records of the page. The text is given folded.
 */
function searchAll(folded: string, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    run.calls += 1;
    const out = (await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :text)',
        ExpressionAttributeValues: { ':pk': `FIND#${folded.slice(0, 2)}`, ':text': folded },
        Limit: 100,
      }),
    )) as QueryCommandOutput;
    type Rank = [number, string, number];
    const compare = (a: Rank, b: Rank) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
    const best = new Map<string, Rank>();
    for (const { sk, ref, f, s } of (out.Items ?? []) as { sk: string; ref: string; f: string; s: number }[]) {
      const [key = '', date = '~'] = sk.split('#');
      const place = s === 0 && key === folded ? 0 : s === 2 ? 2 : 1;
      const rank: Rank = [(f === 'NAME' || f === 'ALIAS' ? 0 : 3) + place, date, key.length];
      const held = best.get(ref);
      if (!held || compare(rank, held) < 0) best.set(ref, rank);
    }
    const ranked = [...best]
      .sort(([ra, a], [rb, b]) => compare(a, b) || (ra < rb ? -1 : 1))
      .slice(0, first)
      .map(([ref]) => ref);
    await run.batchGet(ranked);
    return run.calls;
  };
}

/**
 * Totals per supplier over a range of order years: every supplier's counters of the decades of
 * the range (one Query, paged by 1 MB), the fields of the years of the range summed, the top
 * ones sorted by TIV delivered, then those suppliers and the sources cited in one BatchGetItem.
 */
function armsTransferStats(fromYear: number, toYear: number, first: number): Floor {
  return async (client, table) => {
    const run = new FloorRun(client, table);
    const bySupplier = new Map<string, number>();
    const sources = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      run.calls += 1;
      const out = (await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
          ExpressionAttributeValues: {
            ':pk': 'STATS#*#*',
            ':low': `S#${String(fromYear).slice(0, 3)}`,
            ':high': `S#${String(toYear).slice(0, 3)}\uffff`,
          },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      )) as QueryCommandOutput;
      for (const item of (out.Items ?? []) as Record<string, unknown>[]) {
        const supplier = (item.sk as string).slice('S#201#'.length);
        for (const [name, value] of Object.entries(item)) {
          const year = Number(name.slice(0, 4));
          if (name[4] !== ':' || year < fromYear || year > toYear) continue;
          if (name.endsWith(':td')) bySupplier.set(supplier, (bySupplier.get(supplier) ?? 0) + Number(value));
          else if (name.startsWith('src:', 5)) sources.add(name.slice(9));
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
    const top = [...bySupplier]
      .sort((a, b) => b[1] - a[1])
      .slice(0, first)
      .map(([id]) => id);
    await run.batchGet([...top, ...sources]);
    return run.calls;
  };
}

/**
 * The floor of each operation of `benchOperations`, by name, for the same variables.
 * @param relationsCursor the `after` the second relations page is read with
 */
export function floors(relationsCursor: string): Record<string, Floor> {
  return {
    'leader-meetings': leaderMeetings('leader:vladimir-putin', 5),
    'deals-by-supplier-and-recipient': dealsBetween('country:RU', 'country:IR', 10),
    'relations-page-1': relationsPage('PAIR#IR#RU', '2022-01-01', 5),
    'relations-page-2': relationsPage('PAIR#IR#RU', '2022-01-01', 5, relationsCursor),
    search: search('iran', 5),
    'events-with-actors': eventsOf('country:IR', 10),
    'node-lookup': meetingById('meeting:2024-10-11-putin-pezeshkian-ashgabat'),
    'search-all': searchAll('missiles', 5),
    'arms-transfer-stats': armsTransferStats(2015, 2024, 10),
  };
}
