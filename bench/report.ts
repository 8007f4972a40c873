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
    targets.push({
      benchmark: 'coldStart',
      target: 'ratio ≤ 1.3 (goal 1.1)',
      measured: `ratio ${coldStart.ratio}`,
      met: coldStart.ratio <= 1.3,
    });
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
    targets.push({ benchmark: 'sync', target: 'ratio ≥ 0.5', measured: `ratio ${sync.ratio}`, met: sync.ratio >= 0.5 });
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
  return targets;
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
  const { machine, coldStart, warm, scale, sync, load } = results;
  const out: string[] = [
    `Latest \`${results.command}\`, written ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC (also in \`bench/results.json\`).`,
    `Machine: ${machine.nproc} cores (\`nproc\`), ${machine.cpu} (/proc/cpuinfo), ${machine.memoryGb} GB, Node ${machine.node}.`,
    '',
    table(
      ['benchmark', 'target', 'measured', 'met'],
      results.targets.map((t) => [t.benchmark, t.target, t.measured, t.met ? 'yes' : '**no**']),
    ),
  ];
  if (coldStart) {
    out.push(
      '',
      `#### Cold start (${when(coldStart)}; medians of ${coldStart.runs} runs each, \`NODE_OPTIONS=${coldStart.nodeOptions}\`)`,
      '',
      table(
        ['', 'answered (in child)', 'imported (in child)', 'wall (parent)', 'cold path'],
        [
          [
            'gateway (`dist/graphql`)',
            `${coldStart.appMs} ms`,
            `${coldStart.appImportMs} ms`,
            `${coldStart.appWallMs} ms`,
            `${coldStart.coldPathBytes} B`,
          ],
          [
            'hello world',
            `${coldStart.helloWorldMs} ms`,
            `${coldStart.helloWorldImportMs} ms`,
            `${coldStart.helloWorldWallMs} ms`,
            `${coldStart.helloWorldColdPathBytes} B`,
          ],
          [
            'DynamoDB only (the same reads, no GraphQL)',
            `${coldStart.dynamodbOnlyMs} ms`,
            `${coldStart.dynamodbOnlyImportMs} ms`,
            `${coldStart.dynamodbOnlyWallMs} ms`,
            '',
          ],
          ['empty handler', `${coldStart.emptyMs} ms`, '', '', ''],
          ['hello world bundled as one file', `${coldStart.helloWorldOneFileMs} ms`, '', '', ''],
        ],
      ),
      '',
      `ratio (appMs / helloWorldMs) **${coldStart.ratio}**; for Apollo and the reads alone, (hello world + DynamoDB only − empty) / hello world: ${coldStart.ratioFloor}. bundleBytes ${coldStart.bundleBytes} (every \`.mjs\` of \`dist/graphql\`; entry ${coldStart.entryBytes}).`,
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
  return out.join('\n');
}
