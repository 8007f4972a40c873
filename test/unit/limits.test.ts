import { describe, expect, it } from 'vitest';
import type { DealRecord, LeaderRecord } from '../../src/domain/records.js';
import { checkExpressions } from '../../src/store/item-limits.js';
import { MAX_RECORD_BYTES, unstorableReason } from '../../src/store/limits.js';

const deal = (value: number): DealRecord => ({
  type: 'deal',
  id: 'deal:d',
  supplier: 'country:RU',
  recipient: 'country:IR',
  items: [{ description: 'radar' }],
  value: { amount: value, currency: 'USD' },
  status: 'AGREED',
  confidence: 'REPORTED',
  citations: [{ source: 'source:s' }],
});

describe('Store: limits of the table', () => {
  it.each([0, 1e-130, 9.99e125, 1.7e125, 123456.789])('accepts %d, within DynamoDB numbers', (value) => {
    expect(unstorableReason(deal(value))).toBeNull();
  });

  it.each([1e126, 1e200, 1.7e308, 1e-131, 5e-324])('refuses %d, naming the field', (value) => {
    expect(unstorableReason(deal(value))).toMatch(/^value\.amount: .* is outside the range the database stores/);
  });

  it('names the path of a number inside a list', () => {
    const record = { ...deal(1), items: [{ description: 'radar' }, { description: 'shells', quantity: 2e130 }] };
    expect(unstorableReason(record)).toMatch(/^items\[1\]\.quantity: 2e\+130 is outside/);
  });

  it('refuses a record over the size stored per record', () => {
    const leader: LeaderRecord = {
      type: 'leader',
      id: 'leader:l',
      name: 'L',
      aliases: Array.from({ length: 20 }, () => 'é'.repeat(5000)),
      roles: [],
      citations: [{ source: 'source:s', excerpt: 'x'.repeat(4000) }],
    };
    expect(unstorableReason(leader)).toBe(
      `the record takes ${JSON.stringify(leader).length + 20 * 5000} bytes; at most ${MAX_RECORD_BYTES} are stored per record`,
    );
  });
});

describe('Store: expressions sent to the table', () => {
  it('refuses an expression over 4 KB, as DynamoDB does and the embedded engine does not', () => {
    const names = Array.from({ length: 150 }, (_, i) => `attribute_not_exists(#m${i})`);
    expect(() => checkExpressions({ ConditionExpression: names.slice(0, 100).join(' AND ') })).not.toThrow();
    expect(() => checkExpressions({ ConditionExpression: names.join(' AND ') })).toThrow(
      /^ConditionExpression of 4\d{3} bytes is longer than the 4096 bytes DynamoDB allows$/,
    );
    expect(() => checkExpressions({ UpdateExpression: `SET ${'é'.repeat(2100)}` })).toThrow(/^UpdateExpression of 4204 bytes/);
  });
});
