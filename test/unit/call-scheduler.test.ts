import { describe, expect, it } from 'vitest';
import { CallScheduler } from '../../src/store/call-scheduler.js';

/** Commands that start when the scheduler sends them and settle when the test says so. */
function commands() {
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  return {
    started,
    command: (name: string) => () =>
      new Promise<void>((resolve) => {
        started.push(name);
        pending.set(name, resolve);
      }),
    async settle(name: string) {
      pending.get(name)?.();
      // Let the freed slot pass on and the next command start: every promise job runs before it.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('CallScheduler', () => {
  it('sends at most the per-request number of one lane at once', async () => {
    // Prepare
    const scheduler = new CallScheduler(10, 2);
    const lane = scheduler.lane();
    const { started, command, settle } = commands();
    // Act
    const runs = ['a0', 'a1', 'a2', 'a3'].map((name) => lane.run(command(name)));
    await settle('none');
    const atFirst = [...started];
    await settle('a0');
    // Assess
    expect(atFirst).toEqual(['a0', 'a1']);
    expect(started).toEqual(['a0', 'a1', 'a2']);
    for (const name of ['a1', 'a2', 'a3']) await settle(name);
    await Promise.all(runs);
  });

  it("gives a freed slot to the lanes in turn: a cheap request's command does not wait behind an expensive one's queue", async () => {
    // Prepare
    const scheduler = new CallScheduler(2, 2);
    const expensive = scheduler.lane();
    const cheap = scheduler.lane();
    const { started, command, settle } = commands();
    // Act: the expensive request queues ten commands, then the cheap one asks for one.
    const runs = Array.from({ length: 10 }, (_, i) => expensive.run(command(`e${i}`)));
    runs.push(cheap.run(command('c0')));
    await settle('none');
    await settle('e0');
    await settle('e1');
    // Assess: after the expensive lane's turn (it waited first) comes the cheap one's, not e3..e9.
    expect(started).toEqual(['e0', 'e1', 'e2', 'c0']);
    for (const name of ['e2', 'c0', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']) await settle(name);
    await Promise.all(runs);
  });

  it('gives the slot back when a command fails', async () => {
    // Prepare
    const scheduler = new CallScheduler(1, 1);
    const lane = scheduler.lane();
    // Act
    const failed = await lane.run(() => Promise.reject(new Error('refused'))).catch((error: Error) => error.message);
    const next = await lane.run(() => Promise.resolve('sent'));
    // Assess
    expect(failed).toBe('refused');
    expect(next).toBe('sent');
  });
});
