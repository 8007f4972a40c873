import type { BudgetLimits } from '../store/budget.js';
import type { Caller } from './auth.js';

/**
 * What one request may read, by who asks (docs/security.md, "Budget"). The calls bound the
 * cost model's estimate before execution and the reads actually made during it; the read
 * units bound what those reads may bring back. Editors pay for their own heavier reads.
 */
export const REQUEST_BUDGETS = {
  anonymous: { calls: 100, readUnits: 1_000 },
  reader: { calls: 100, readUnits: 1_000 },
  editor: { calls: 1_000, readUnits: 10_000 },
} as const satisfies Record<string, BudgetLimits>;

/** The budget of a caller's request. */
export function budgetFor(caller: Caller): BudgetLimits {
  return REQUEST_BUDGETS[caller.kind === 'anonymous' ? 'anonymous' : caller.key.role];
}
