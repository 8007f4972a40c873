import { STAGE_SETTINGS } from '../src/stages.js';
import type { CapacityResult, CapacitySkipped, MixLoad } from './capacity.js';
import type { ColdStartResult } from './cold-start.js';
import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';
import type { ScaleResult } from './scale.js';
import type { SyncResult, SyncSkipped } from './sync.js';
import type { WarmResult } from './warm.js';

/** When and under what load one benchmark ran, beside its own fields. */
export interface Measured {
  measuredAt: string;
  seconds: number;
  /** 1-minute load average when it started: other work on the machine competes for its cores. */
  loadAverageAtStart: number;
}

/** `bench/results.json`. */
export interface Results {
  command: string;
  generatedAt: string;
  machine: Machine;
  targets: Target[];
  coldStart?: ColdStartResult & Measured;
  warm?: WarmResult & Measured;
  scale?: ScaleResult & Measured;
  sync?: (SyncResult | SyncSkipped) & Measured;
  load?: LoadResult & Measured;
  capacity?: (CapacityResult | CapacitySkipped) & Measured;
}

/** One target of the issue and whether the latest run met it. */
export interface Target {
  benchmark: string;
  target: string;
  measured: string;
  met: boolean;
}

const max = (values: number[]) => Math.max(...values);

/** The targets, judged on what `results` holds. */
export function judge(results: Omit<Results, 'targets'>): Target[] {
  const targets: Target[] = [];
  const { coldStart, warm, scale, sync, load } = results;
  if (coldStart) {
    for (const r of coldStart.runtimes ?? []) {
      targets.push({
        benchmark: 'coldStart',
        target: `${r.node}: appMs ≤ 1.1 × floor`,
        measured: `${r.appMs} ms / ${r.floorMs} ms = ${r.floorRatio}`,
        met: r.floorRatio <= 1.1,
      });
      if (r.node.startsWith('v22')) {
        targets.push({
          benchmark: 'coldStart',
          target: `${r.node}: ≥ 25 % below the entry before`,
          measured: `${r.beforeMs} → ${r.appMs} ms (−${Math.round(r.reduction * 1000) / 10} %)`,
          met: r.reduction >= 0.25,
        });
      }
    }
  }
  if (warm) {
    const ratios = warm.operations.map((o) => o.ratio);
    const equal = warm.operations.filter((o) => o.dynamodbCalls === o.floorCalls).length;
    targets.push({ benchmark: 'warm', target: 'every ratio ≤ 1.5', measured: `highest ratio ${max(ratios)}`, met: max(ratios) <= 1.5 });
    targets.push({
      benchmark: 'warm',
      target: 'dynamodbCalls = floorCalls',
      measured: `equal in ${equal} of ${warm.operations.length}`,
      met: equal === warm.operations.length,
    });
  }
  if (scale) {
    const ratios = scale.patterns.map((p) => p.ratio);
    targets.push({ benchmark: 'scale', target: 'every ratio ≤ 1.2', measured: `highest ratio ${max(ratios)}`, met: max(ratios) <= 1.2 });
  }
  if (sync && !('skipped' in sync)) {
    targets.push({ benchmark: 'sync', target: 'ratio ≥ 0.8', measured: `ratio ${sync.ratio}`, met: sync.ratio >= 0.8 });
    if (sync.statistics) {
      targets.push({
        benchmark: 'sync',
        target: 'statistics = the CSV',
        measured: `years ${sync.statistics.yearsMatching}; suppliers 2015-2024 ${sync.statistics.suppliersMatching}`,
        met: sync.statistics.allMatch,
      });
    }
    targets.push({
      benchmark: 'sync',
      target: 'resyncWrites = 0',
      measured: `${sync.resyncWrites} (report writes apart: ${sync.resyncReportWrites})`,
      met: sync.resyncWrites === 0,
    });
  }
  if (load) {
    targets.push({
      benchmark: 'load',
      target: 'errors = 0, non-2xx = 0',
      measured: `${load.errors} errors, ${load.non2xx} non-2xx`,
      met: load.errors === 0 && load.non2xx === 0,
    });
  }
  const { capacity } = results;
  if (capacity && !('skipped' in capacity) && 'hottestLists' in (capacity.mix.at(-1) ?? {})) {
    const highest = capacity.mix.at(-1) as MixLoad;
    const limit = capacity.assumptions.partitionReadUnits;
    for (const [what, hottest, met] of [
      ['list', highest.hottestLists[0], capacity.listMarginHolds],
      ['entity', highest.hottestItems[0], capacity.itemMarginHolds],
    ] as const) {
      targets.push({
        benchmark: 'capacity',
        target: `every ${what} partition ≤ 50 % of ${limit} RCU at ${highest.requestsPerSecond} requests/s`,
        measured: hottest
          ? `${hottest.pk}: ${hottest.unitsPerSecond} RCU/s (${Math.round(hottest.shareOfLimit * 1000) / 10} %)`
          : 'no reads',
        met,
      });
    }
  }
  return targets;
}

/** The prod stage's own ceilings (`src/stages.ts`) against what each rate of the mix needs. */
function stageCeilings(capacity: CapacityResult): string {
  const { throttle, limits } = STAGE_SETTINGS.prod;
  const rows = capacity.mix.map((m) => [
    m.requestsPerSecond,
    `${throttle.rateLimit} requests/s: ${m.requestsPerSecond <= throttle.rateLimit ? 'within' : '**over**'}`,
    `${limits.graphqlConcurrency} instances for ${m.lambdaConcurrency}: ${m.lambdaConcurrency <= limits.graphqlConcurrency ? 'within' : '**over**'}`,
    `${limits.tableMaxReadUnits} read units/s for ${m.readUnitsPerSecond}: ${m.readUnitsPerSecond <= limits.tableMaxReadUnits ? 'within' : '**over**'}`,
  ]);
  return [
    "The prod stage's own ceilings (`src/stages.ts`: the HTTP API's rate limit, the function's reserved concurrency, the table's on-demand maximum), which throttle before DynamoDB's partition limits do:",
    '',
    table(['requests/s', 'HTTP API rate limit', 'reserved concurrency', 'table maximum read units'], rows),
  ].join('\n');
}

/** The capacity model's tables (also written into docs/capacity.md). */
export function renderCapacity(capacity: CapacityResult): string {
  const a = capacity.assumptions;
  const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
  const out = [
    `${capacity.records} SIPRI records imported: ${capacity.tableItems} items, ${capacity.tableBytes} B in all (DynamoDB's item sizes: attribute names and values).`,
    '',
    table(
      ['items', 'count', 'mean size', 'largest', 'write units'],
      capacity.itemSizes.map((k) => [k.kind, k.items, `${k.meanBytes} B`, `${k.maxBytes} B`, k.writeUnits]),
    ),
    '',
    `Each operation once, through the handler, on that table with the article's data beside it. Read units are eventually consistent (0.5 per 4 KB; a Query rounds its partition's total, a BatchGetItem each item); dynalite's own ConsumedCapacity beside them. Duration: the gateway's own time (warm p50 − floor p50, from the warm bench) + rounds × ${a.dynamodbRoundTripMs} ms per DynamoDB round trip.`,
    '',
    table(
      ['operation', 'calls', 'rounds', 'read units', 'dynalite', 'partitions read', 'duration'],
      capacity.operations.map((o) => [
        o.operation,
        o.calls,
        o.rounds,
        o.readUnits,
        o.engineReadUnits,
        Object.keys(o.partitions).length,
        `${o.durationMs} ms`,
      ]),
    ),
    '',
    `An equal mix of the ${capacity.operations.length} operations, every request of an operation asking for the same keys as the example (the worst case: one hot set of partitions):`,
    '',
    table(
      [
        'requests/s',
        'read units/s',
        'hottest lists (RCU/s, share of 3,000)',
        'hottest entities (RCU/s, share of 3,000)',
        'Lambda concurrency',
      ],
      capacity.mix.map((m) => [
        m.requestsPerSecond,
        m.readUnitsPerSecond,
        ...[m.hottestLists ?? [], m.hottestItems ?? []].map((loads) =>
          loads
            .slice(0, 3)
            .map((p) => `\`${p.pk}\` ${p.unitsPerSecond} (${pct(p.shareOfLimit)})`)
            .join('; '),
        ),
        `${m.lambdaConcurrency} of ${a.lambdaConcurrencyQuota}`,
      ]),
    ),
    '',
    stageCeilings(capacity),
    '',
    `Per million requests (${a.region}, on demand, arm64 at ${a.lambdaMemoryGb * 1024} MB): DynamoDB $${capacity.dollarsPerMillionRequests.dynamodb} (${capacity.readUnitsPerRequest} read units a request at $${a.dollarsPerMillionReadUnits} per million, every read counted as if no instance kept anything: an upper bound), Lambda $${capacity.dollarsPerMillionRequests.lambda} (${capacity.durationMsPerRequest} ms billed a request at $${a.lambdaDollarsPerGbSecond} per GB-s, and $${a.lambdaDollarsPerMillionRequests} per million requests), HTTP API $${capacity.dollarsPerMillionRequests.httpApi}: **$${capacity.dollarsPerMillionRequests.total}**.`,
    '',
    `A first import of the export writes ${capacity.import.writeUnits} write units ($${capacity.import.dollarsFirstImport} with its reads); a re-import of the same export reads every entity once, consistently (${capacity.import.reimportReadUnits} read units, $${capacity.import.dollarsReimport}), and writes none. The partitions it writes most:`,
    '',
    table(
      [
        'partition',
        'items',
        'write units',
        `shortest import at ${a.partitionWriteUnits} WCU/s`,
        capacity.import.measuredSeconds ? `WCU/s at the bench's pace (${capacity.import.measuredSeconds} s)` : 'WCU/s',
      ],
      capacity.import.hottest.map((p) => [
        `\`${p.pk}\``,
        p.items,
        p.writeUnits,
        `${p.minimumSeconds} s`,
        p.unitsPerSecond ? `${p.unitsPerSecond} (${pct(p.shareOfLimit)})` : '',
      ]),
    ),
  ];
  return out.join('\n');
}

/** A Markdown table with its columns padded to one width, as the formatter (Biome) lays them out. */
function table(headers: string[], rows: (string | number | boolean)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - [...cell].length)).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

const when = (m: Measured) =>
  `measured ${m.measuredAt.slice(0, 16).replace('T', ' ')} UTC in ${m.seconds} s, load average ${m.loadAverageAtStart} at start`;

/** The README's results section: the machine, the targets, and one table per benchmark. */
export function renderResults(results: Results): string {
  const { machine, coldStart, warm, scale, sync, load, capacity } = results;
  const out: string[] = [
    `Latest \`${results.command}\`, written ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC (also in \`bench/results.json\`).`,
    `Machine: ${machine.nproc} cores (\`nproc\`), ${machine.cpu} (/proc/cpuinfo), ${machine.memoryGb} GB, Node ${machine.node}.`,
    '',
    table(
      ['benchmark', 'target', 'measured', 'met'],
      results.targets.map((t) => [t.benchmark, t.target, t.measured, t.met ? 'yes' : '**no**']),
    ),
  ];
  if (coldStart?.runtimes) {
    out.push(
      '',
      `#### Cold start (${when(coldStart)}; medians of ${coldStart.runs} runs each; \`NODE_OPTIONS\` ${coldStart.nodeOptions}, the entry before with \`--enable-source-maps\`)`,
      '',
      table(
        ['node', 'gateway', 'entry before', 'hello world', 'DynamoDB only', 'empty', 'floor', 'gateway / floor', 'below before'],
        coldStart.runtimes.map((r) => [
          `${r.node} (${r.binary})`,
          `${r.appMs} ms (${r.appRangeMs[0]}–${r.appRangeMs[1]})`,
          `${r.beforeMs} ms`,
          `${r.helloWorldMs} ms`,
          `${r.dynamodbOnlyMs} ms`,
          `${r.emptyMs} ms`,
          `${r.floorMs} ms (${r.floorRangeMs[0]}–${r.floorRangeMs[1]})`,
          r.floorRatio,
          `${Math.round(r.reduction * 1000) / 10} %`,
        ]),
      ),
      '',
      table(
        [
          'node',
          'gateway imported',
          'entry before imported',
          'hello world imported',
          'DynamoDB only imported',
          'gateway wall (parent)',
          'gateway / hello world',
          'fastest runs: gateway / floor, below before',
        ],
        coldStart.runtimes.map((r) => [
          r.node,
          `${r.appImportMs} ms`,
          `${r.beforeImportMs} ms`,
          `${r.helloWorldImportMs} ms`,
          `${r.dynamodbOnlyImportMs} ms`,
          `${r.appWallMs} ms`,
          r.ratio,
          r.fastestFloorRatio === undefined
            ? ''
            : `${r.fastestFloorRatio}, ${Math.round(r.fastestReduction * 1000) / 10} % (${r.beforeFastestMs} → ${r.appRangeMs[0]} ms)`,
        ]),
      ),
      '',
      `Answered: in the child, from process start to the handler's answer (lowest–highest in brackets); the targets are judged on the medians. Floor: hello world + DynamoDB only − empty, Apollo and the reads with Node's start counted once. Cold path ${coldStart.coldPathBytes} B (hello world ${coldStart.helloWorldColdPathBytes} B); bundleBytes ${coldStart.bundleBytes} (every \`.mjs\` of \`dist/graphql\`; entry ${coldStart.entryBytes}).${coldStart.skipped ? ` ${coldStart.skipped}.` : ''}`,
    );
  }
  if (warm) {
    out.push(
      '',
      `#### Warm (${when(warm)}; ${warm.iterations} iterations after ${warm.warmupIterations} of warm-up; ${warm.engine})`,
      '',
      table(
        ['operation', 'p50Ms', 'p99Ms', 'floorP50Ms', 'ratio', 'dynamodbCalls', 'floorCalls'],
        warm.operations.map((o) => [o.operation, o.p50Ms, o.p99Ms, o.floorP50Ms, o.ratio, o.dynamodbCalls, o.floorCalls]),
      ),
    );
  }
  if (scale) {
    out.push(
      '',
      `#### Scale (${when(scale)}; ${scale.recordsSmall} and ${scale.recordsLarge} records, ${scale.tableItemsSmall} and ${scale.tableItemsLarge} items; ${scale.iterations} iterations; ${scale.engine})`,
      '',
      table(
        ['pattern', 'itemsSmall', 'itemsLarge', 'p50MsSmall', 'p50MsLarge', 'ratio'],
        scale.patterns.map((p) => [p.pattern, p.itemsSmall, p.itemsLarge, p.p50MsSmall, p.p50MsLarge, p.ratio]),
      ),
      '',
      `Items: the index items of the list a pattern reads, or every record for the lookup by id. Loading the large table took ${scale.loadSecondsLarge} s.`,
    );
  }
  if (sync) {
    out.push('', `#### Sync (${when(sync)})`, '');
    if ('skipped' in sync) out.push(`Skipped: ${sync.skipped}`);
    else {
      out.push(
        table(
          ['records', 'recordsPerSecond', 'floorRecordsPerSecond', 'ratio', 'resyncWrites', 'report writes of the re-sync'],
          [[sync.records, sync.recordsPerSecond, sync.floorRecordsPerSecond, sync.ratio, sync.resyncWrites, sync.resyncReportWrites]],
        ),
        '',
        table(
          ['run', 'seconds', 'calls', 'CPU of the writer', 'CPU of its engine'],
          [
            [
              'pipeline',
              sync.pipelineSeconds,
              Object.entries(sync.pipelineCalls)
                .map(([operation, n]) => `${n} ${operation}`)
                .join(', '),
              `${sync.pipelineCpuSeconds} s`,
              `${sync.pipelineEngineCpuSeconds} s`,
            ],
            [
              'floor',
              sync.floorSeconds,
              `${sync.floorCalls} BatchWriteItem`,
              `${sync.floorCpuSeconds} s`,
              `${sync.floorEngineCpuSeconds} s`,
            ],
          ],
        ),
        '',
        `${sync.source}: ${sync.deals} deals, ${sync.records} records, ${sync.items} items; pipeline ${sync.pipelineSeconds} s, floor ${sync.floorSeconds} s (reading the export and deriving the items before its clock: ${sync.floorPrepareSeconds} s), re-sync ${sync.resyncSeconds} s; both tables hold the same items: ${sync.sameItems ? 'yes' : '**no**'}; ${sync.concurrency} calls in flight; ${sync.engine}.`,
      );
      if (sync.statistics) {
        const st = sync.statistics;
        out.push(
          '',
          `Statistics after the import, against a reading of the CSV (\`bench/sipri-totals.ts\`): totals by year of order equal in ${st.yearsMatching}; by supplier for orders 2015-2024 equal in ${st.suppliersMatching}; CSV suppliers matched to no group: ${st.unmatchedCsvSuppliers.length === 0 ? 'none' : st.unmatchedCsvSuppliers.join(', ')}. "Top suppliers by TIV delivered for orders 2015-2024" took one request of ${Object.entries(
            st.topSuppliersCalls,
          )
            .map(([operation, n]) => `${n} ${operation}`)
            .join(', ')}:`,
          '',
          table(
            ['supplier', 'SIPRI names', 'deals', 'TIV delivered', 'TIV ordered', 'equals the CSV'],
            st.topSuppliers2015to2024.map((r) => [
              r.supplier,
              r.csvNames.join('; '),
              r.deals,
              r.tivDelivered,
              r.tivOrdered,
              r.matchesCsv ? 'yes' : '**no**',
            ]),
          ),
        );
      }
    }
  }
  if (load) {
    out.push(
      '',
      `#### Load (${when(load)}; ${load.connections} connections, ${load.durationSeconds} s; ${load.engine})`,
      '',
      table(
        ['requestsPerSecond', 'p50Ms', 'p99Ms', 'errors', 'non2xx', 'rssGrowthMb', 'heap in use after GC'],
        [
          [
            load.requestsPerSecond,
            load.p50Ms,
            load.p99Ms,
            load.errors,
            load.non2xx,
            `${load.rssGrowthMb} (${load.rssBeforeMb} → ${load.rssAfterMb})`,
            `${load.heapUsedBeforeMb} → ${load.heapUsedAfterMb} MB`,
          ],
        ],
      ),
      '',
      `${load.requests} requests cycling through: ${load.operations.join(', ')}.`,
    );
  }
  if (capacity) {
    out.push('', `#### Capacity (${when(capacity)}; the model is explained in docs/capacity.md)`, '');
    out.push('skipped' in capacity ? `Skipped: ${capacity.skipped}` : renderCapacity(capacity));
  }
  return out.join('\n');
}
