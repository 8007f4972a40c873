import { parseArgs } from 'node:util';
import type { SyncRunReport } from '../store/sync-runs.js';
import { FORMATS, type Format } from '../sync/detect.js';
import { runSync } from '../sync/run.js';
import { resolveSource } from '../sync/sources/index.js';
import { openToolTable } from './tool-table.js';

const USAGE = 'usage: npm run sync -- <path | s3://bucket/key | https://…> [--dry-run] [--format feed|sipri]';

function progressLine(report: SyncRunReport, tty: boolean): string {
  const done = report.created + report.updated + report.unchanged + (report.skipped ?? 0) + (report.stale ?? 0) + report.rejected;
  const text = `${done} records: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped ?? 0} deleted by an editor, ${report.stale ?? 0} stale, ${report.rejected} refused`;
  if (!tty) return text;
  const width = 24;
  const spin = '#'.repeat(Math.floor(done / 1000) % (width + 1)).padEnd(width, '.');
  return `\r[${spin}] ${text}`;
}

/**
 * `npm run sync -- <source>`: runs the sync pipeline against DYNAMODB_ENDPOINT (by default the
 * engine of `npm start`) and TABLE_NAME, prints progress and a summary, and exits non-zero
 * when records were refused or the source could not be read.
 */
async function main(): Promise<number> {
  // Local tools run on the developer's Node (20 here); the deployed functions run on 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, format: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.format !== undefined && !FORMATS.includes(values.format as Format)) {
    console.error(`--format must be one of ${FORMATS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const table = await openToolTable();
  if (!table) return 1;
  const { db, config } = table;
  const tty = process.stdout.isTTY === true;
  const started = performance.now();
  const source = resolveSource(positionals[0] as string, { region: config.region });
  const report = await runSync(db, source, {
    dryRun: values['dry-run'],
    startedBy: 'sync-cli',
    log: (message, error) => console.error(`${message}:`, error),
    ...(values.format ? { format: values.format as Format } : {}),
    onProgress: (r) => (tty ? process.stdout.write(progressLine(r, true)) : console.log(progressLine(r, false))),
  });
  if (tty) process.stdout.write('\n');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${values['dry-run'] ? 'dry run of ' : ''}${report.source} (${report.format}): ${report.status}, ${report.read} read, ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped ?? 0} deleted by an editor (skipped), ${report.stale ?? 0} stale, ${report.rejected} refused in ${seconds.toFixed(1)} s; ${db.stats.operations.BatchWriteItem ?? 0} BatchWriteItem, ${db.stats.operations.PutItem ?? 0} PutItem calls`,
  );
  for (const reject of report.rejects.slice(0, 20)) console.log(`  line ${reject.line}: ${reject.message}`);
  if (report.rejected > 20) console.log(`  … and ${report.rejected - 20} more`);
  if (report.error) console.error(`failed: ${report.error}`);
  if (!values['dry-run']) console.log(`report: ${report.id}`);
  return report.status === 'FAILED' || report.rejected > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
