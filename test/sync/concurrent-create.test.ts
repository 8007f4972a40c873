import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../src/domain/records.js';
import { getEntity, writeEntity } from '../../src/store/entities.js';
import { listRevisions } from '../../src/store/revisions.js';
import { runSync } from '../../src/sync/run.js';
import { resolveSource } from '../../src/sync/sources/index.js';
import { createTestTable } from '../support/table.js';

const SAMPLE = fileURLToPath(new URL('../fixtures/sipri/trade-register-2026-05-sample.csv', import.meta.url));
const EDITOR = 'key:alice';

type Item = { sk?: string; t?: string; d?: EntityRecord };

/**
 * The first entity record (not the sync's own report) that a write carries, whether a
 * PutItem or a BatchWriteItem: the race is run on whichever the sync uses to create entities.
 * At this step lib-dynamodb has not marshalled the items yet.
 */
function entityWritten(
  command: string | undefined,
  input: { Item?: Item; RequestItems?: Record<string, { PutRequest?: { Item: Item } }[]> },
) {
  const items =
    command === 'PutItemCommand'
      ? [input.Item]
      : command === 'BatchWriteItemCommand'
        ? Object.values(input.RequestItems ?? {}).flatMap((requests) => requests.map((r) => r.PutRequest?.Item))
        : [];
  return items.find((item) => item?.sk === '#' && item.t !== 'syncrun')?.d;
}

/** The record with its first text field (other than id and type) changed, as an editor would. */
function edited(record: EntityRecord): EntityRecord {
  const fields = record as unknown as Record<string, unknown>;
  const field = Object.keys(fields).find((k) => k !== 'id' && k !== 'type' && typeof fields[k] === 'string');
  if (!field) throw new Error(`${record.id} has no text field to edit`);
  return { ...fields, [field]: `${fields[field]} (set by an editor)` } as unknown as EntityRecord;
}

describe('Sync: an editor creating an entity while the sync creates it', () => {
  it('keeps the editor’s create: the sync’s put loses, reads it, and writes over it only as a new version', async () => {
    const { db, reopen } = await createTestTable();
    const syncDb = reopen();
    const editorDb = reopen();
    let raced: EntityRecord | undefined;
    // The race, made deterministic: the sync has read the table and found the entity absent;
    // just before its write of that entity leaves, an editor creates the same id with other
    // content through the store's own path. The sync's write then reaches a table that holds it.
    syncDb.client.middlewareStack.add(
      (next, context) => async (args) => {
        const record = entityWritten(context.commandName, args.input as Parameters<typeof entityWritten>[1]);
        if (record && !raced) {
          raced = edited(record);
          await writeEntity(editorDb, raced, { actor: EDITOR, mode: 'upsert' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'editorRace' },
    );
    const report = await runSync(syncDb, resolveSource(SAMPLE));
    expect(report.status).toBe('SUCCEEDED');
    if (!raced) throw new Error('the sync wrote no entity: the race was not run');

    const stored = await getEntity(db, raced.id, true);
    expect(stored?.version).toBe(2);
    expect(stored?.updatedBy).toBe('sync:trade-register-2026-05-sample.csv');
    const revisions = await listRevisions(db, raced.id, { first: 10 });
    expect(revisions.edges.map((e) => e.node.version)).toEqual([1]);
    expect(revisions.edges[0]?.node.changedBy).toBe(EDITOR);
    expect(JSON.parse(revisions.edges[0]?.node.record ?? '{}')).toEqual(raced);
  });
});
