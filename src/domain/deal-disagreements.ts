import { matchingItem } from './deal-matching.js';
import { dateRange, overlaps } from './partial-date.js';
import type { DealRecord } from './records.js';

/** What one record says on a disputed point. */
export interface Figure {
  value: string | null;
  deal: DealRecord;
}

/** A point on which records of one transfer disagree, the curated deal's value first. */
export interface Disagreement {
  field: string;
  values: Figure[];
}

/** How far an item went, as text: "DELIVERING (6 of 24 delivered)". */
function progress(status: DealRecord['status'], item: DealRecord['items'][number]): string {
  if (item.delivered === undefined) return status;
  const of = item.quantity === undefined ? '' : ` of ${item.quantity}`;
  return `${status} (${item.delivered}${of} delivered)`;
}

/**
 * Where a curated deal and the register records linked to it say different things. Only
 * values both sides give are compared: a source that does not say (no date of agreement, a
 * status UNKNOWN) does not disagree. Dates disagree when their ranges do not overlap ("2022"
 * and "2023-11"); statuses when they differ, item by item for the curated item each register
 * record describes.
 */
export function dealDisagreements(curated: DealRecord, registers: readonly DealRecord[]): Disagreement[] {
  const result: Disagreement[] = [];
  const agreed = curated.agreedOn;
  if (agreed) {
    const differ = registers.filter((r) => r.agreedOn && !overlaps(dateRange(agreed), dateRange(r.agreedOn)));
    for (const register of differ) {
      const item = matchingItem(curated, register);
      const what = register.items[0]?.designation ?? item?.designation ?? item?.description;
      result.push({
        field: what ? `agreedOn of ${what}` : 'agreedOn',
        values: [
          { value: agreed, deal: curated },
          { value: register.agreedOn ?? null, deal: register },
        ],
      });
    }
  }
  for (const register of registers) {
    const item = matchingItem(curated, register);
    const ours = item?.status ?? curated.status;
    if (ours === 'UNKNOWN' || ours === register.status) continue;
    const theirs = register.items[0];
    const what = theirs?.designation ?? item?.designation ?? item?.description;
    result.push({
      field: what ? `status of ${what}` : 'status',
      values: [
        { value: ours, deal: curated },
        { value: theirs ? progress(register.status, theirs) : register.status, deal: register },
      ],
    });
  }
  return result;
}
