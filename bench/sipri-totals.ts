import { type CsvDeal, readSipriCsv } from '../test/support/sipri-csv.js';
import type { Send } from './operations.js';

/**
 * Arms-transfer totals read straight from a SIPRI deal-level export, without the project's
 * parser (Latin-1, the preamble up to the header, 16 unquoted cells a row), and compared with
 * what `armsTransferStats` answers after the export was synced.
 */

/** The export's deals, with SIPRI's group marks (`*`, `**`) taken off supplier names. */
function readExport(path: string): CsvDeal[] {
  return readSipriCsv(path).map((d) => ({ ...d, supplier: d.supplier.replace(/\*+$/, '') }));
}

interface Totals {
  deals: number;
  tivOrdered: number;
  tivDelivered: number;
  numberOrdered: number;
  numberDelivered: number;
}

function totalsBy(deals: CsvDeal[], key: (d: CsvDeal) => string): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  for (const d of deals) {
    const g = groups.get(key(d)) ?? { deals: 0, tivOrdered: 0, tivDelivered: 0, numberOrdered: 0, numberDelivered: 0 };
    g.deals += 1;
    g.tivOrdered += d.tivOrdered;
    g.tivDelivered += d.tivDelivered;
    g.numberOrdered += d.ordered;
    g.numberDelivered += d.delivered;
    groups.set(key(d), g);
  }
  return groups;
}

/** The answer's totals with TIV in hundredths, as the CSV side counts them. */
const inHundredths = (t: Totals): Totals => ({
  ...t,
  tivOrdered: Math.round(t.tivOrdered * 100),
  tivDelivered: Math.round(t.tivDelivered * 100),
});
const same = (a: Totals | undefined, b: Totals | undefined) => JSON.stringify(a) === JSON.stringify(b);

const STATS = `query ($filter: ArmsTransferFilter, $groupBy: ArmsTransferGrouping!, $after: String) {
  armsTransferStats(filter: $filter, groupBy: $groupBy, orderBy: TIV_DELIVERED, first: 100, after: $after) {
    groupCount
    totals { deals tivOrdered tivDelivered numberOrdered numberDelivered }
    sources { deals source { id publishedOn } }
    edges { node { orderYear party { ... on Country { name aliases } ... on Organization { name aliases } }
      totals { deals tivOrdered tivDelivered numberOrdered numberDelivered } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Group {
  orderYear: number | null;
  party: { name: string; aliases: string[] } | null;
  totals: Totals;
}

/** Every group of an answer (paging through it), and the calls of its first page. */
async function allGroups(send: Send, variables: Record<string, unknown>) {
  const groups: Group[] = [];
  let after: string | null = null;
  let first: { calls: number; operations: Record<string, number>; sources: unknown; totals: Totals } | null = null;
  do {
    const answer = await send(STATS, { ...variables, after });
    if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    const stats = answer.data?.armsTransferStats as {
      edges: { node: Group }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      sources: unknown;
      totals: Totals;
    };
    first ??= { ...(answer.extensions?.dynamodb ?? { calls: 0, operations: {} }), sources: stats.sources, totals: stats.totals };
    groups.push(...stats.edges.map((e) => e.node));
    after = stats.pageInfo.hasNextPage ? stats.pageInfo.endCursor : null;
  } while (after);
  return { groups, first: first as NonNullable<typeof first> };
}

/** What the check found. */
export interface SipriTotalsCheck {
  /** Top suppliers by TIV delivered for orders 2015-2024, as answered (TIV in millions). */
  topSuppliers2015to2024: {
    supplier: string;
    csvNames: string[];
    deals: number;
    tivDelivered: number;
    tivOrdered: number;
    matchesCsv: boolean;
  }[];
  /** DynamoDB calls of that one request, by operation. */
  topSuppliersCalls: Record<string, number>;
  topSuppliersSources: unknown;
  /** Groups of suppliers (2015-2024) and of years (all) that equal the CSV's, of how many. */
  suppliersMatching: string;
  yearsMatching: string;
  /** CSV supplier names no answered group carries as its name or an alias. */
  unmatchedCsvSuppliers: string[];
  allMatch: boolean;
}

/**
 * Compares the answers of `armsTransferStats` after a sync of `file` with the CSV: totals by
 * year of order over every deal, and totals by supplier for orders 2015-2024 (a supplier's
 * group matches the SIPRI names that are its name or aliases, summed).
 */
export async function checkSipriTotals(send: Send, file: string): Promise<SipriTotalsCheck> {
  const csv = readExport(file);
  const byYear = totalsBy(csv, (d) => String(d.year));
  const years = await allGroups(send, { groupBy: 'ORDER_YEAR' });
  const yearsOk = years.groups.filter((g) => same(inHundredths(g.totals), byYear.get(String(g.orderYear))));

  const recent = csv.filter((d) => d.year >= 2015 && d.year <= 2024);
  const bySupplierName = totalsBy(recent, (d) => d.supplier);
  const suppliers = await allGroups(send, { groupBy: 'SUPPLIER', filter: { orderedFrom: 2015, orderedTo: 2024 } });
  const claimed = new Set<string>();
  const rows = suppliers.groups.map((g) => {
    const names = [g.party?.name ?? '', ...(g.party?.aliases ?? [])].map((n) => n.toLowerCase());
    const csvNames = [...bySupplierName.keys()].filter((n) => names.includes(n.toLowerCase()));
    for (const n of csvNames) claimed.add(n);
    const sum = totalsBy(
      recent.filter((d) => csvNames.includes(d.supplier)),
      () => 'all',
    ).get('all');
    return { group: g, csvNames, matches: same(inHundredths(g.totals), sum) };
  });
  const unmatched = [...bySupplierName.keys()].filter((n) => !claimed.has(n));
  return {
    topSuppliers2015to2024: rows.slice(0, 10).map(({ group, csvNames, matches }) => ({
      supplier: group.party?.name ?? '?',
      csvNames,
      deals: group.totals.deals,
      tivDelivered: group.totals.tivDelivered,
      tivOrdered: group.totals.tivOrdered,
      matchesCsv: matches,
    })),
    topSuppliersCalls: suppliers.first.operations,
    topSuppliersSources: suppliers.first.sources,
    suppliersMatching: `${rows.filter((r) => r.matches).length} of ${rows.length} (CSV: ${bySupplierName.size} names)`,
    yearsMatching: `${yearsOk.length} of ${years.groups.length} (CSV: ${byYear.size} years)`,
    unmatchedCsvSuppliers: unmatched,
    allMatch:
      yearsOk.length === byYear.size && years.groups.length === byYear.size && rows.every((r) => r.matches) && unmatched.length === 0,
  };
}
