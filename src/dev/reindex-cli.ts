import { parseArgs } from 'node:util';
import { reindexTable } from './reindex.js';
import { openToolTable } from './tool-table.js';

const USAGE = 'usage: npm run reindex [-- --dry-run]';

/**
 * `npm run reindex`: makes every entity's index items match its record, against
 * DYNAMODB_ENDPOINT and TABLE_NAME (see `openToolTable`). Run it once on a table written before
 * records listed what they refer to (`REFS#`) or lists kept counters (`COUNT#`), or to clear
 * entries of records never committed.
 * It reads the whole table: a maintenance step, never part of serving requests.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const table = await openToolTable();
  if (!table) return 1;
  const report = await reindexTable(table.db, values['dry-run']);
  const verb = values['dry-run'] ? 'would be' : 'were';
  console.log(
    `${report.entities} entities; ${report.finished} interrupted writes ${verb} finished, ${report.written} missing index items ${verb} written, ${report.removed} entries of no live record ${verb} removed, ${report.counters} list counters ${verb} corrected`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
