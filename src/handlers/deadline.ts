import type { Context as LambdaContext } from 'aws-lambda';

/** Time kept back from the function's own timeout to answer after the deadline has passed. */
export const DEADLINE_MARGIN_MS = 1_000;

/** Why a request's work was stopped: its deadline passed. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/** How long a request may take: the deadline, or less when the invocation has less time left. */
export function requestBudget(deadlineMs: number, context: LambdaContext): number {
  const left =
    typeof context.getRemainingTimeInMillis === 'function'
      ? context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS
      : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(deadlineMs, left));
}

/**
 * Runs `work` against a deadline: its result when it finishes in `ms`, otherwise `late()`'s,
 * with `controller` aborted so the calls still under way give up instead of running on.
 */
export async function withDeadline<T>(ms: number, controller: AbortController, work: () => Promise<T>, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineError(`no answer within ${ms} ms`));
      resolve(late());
    }, ms);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
