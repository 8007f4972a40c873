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
  it('lets a request alone send up to its limit at once', async () => {
    // Prepare
    const scheduler = new CallScheduler(3, 2);
    const lane = scheduler.lane();
    const { started, command, settle } = commands();
    // Act
    const runs = ['a0', 'a1', 'a2', 'a3', 'a4'].map((name) => lane.run(command(name)));
    await settle('none');
    const atFirst = [...started];
    await settle('a0');
    // Assess
    expect(atFirst).toEqual(['a0', 'a1', 'a2']);
    expect(started).toEqual(['a0', 'a1', 'a2', 'a3']);
    for (const name of ['a1', 'a2', 'a3', 'a4']) await settle(name);
    await Promise.all(runs);
  });

  it("sends a newcomer's command at once, and shares fewer slots while several requests are in flight", async () => {
    // Prepare
    const scheduler = new CallScheduler(3, 2);
    const expensive = scheduler.lane();
    const cheap = scheduler.lane();
    const { started, command, settle } = commands();
    // Act: the expensive request has three commands in flight and seven waiting; then the cheap one asks for one.
    const runs = Array.from({ length: 10 }, (_, i) => expensive.run(command(`e${i}`)));
    await settle('none');
    runs.push(cheap.run(command('c0')));
    await settle('none');
    const whenCheapCame = [...started];
    await settle('e0');
    await settle('e1');
    const whileShared = [...started];
    await settle('c0');
    // Assess: c0 went out at once; with two requests in flight at most two commands are sent at once
    // (e2 and c0 left e3 waiting); alone again, the expensive request goes back to three.
    expect(whenCheapCame).toEqual(['e0', 'e1', 'e2', 'c0']);
    expect(whileShared).toEqual(['e0', 'e1', 'e2', 'c0']);
    expect(started).toEqual(['e0', 'e1', 'e2', 'c0', 'e3', 'e4']);
    for (const name of ['e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']) await settle(name);
    await Promise.all(runs);
  });

  it('gives the slots to the waiting requests in turn', async () => {
    // Prepare
    const scheduler = new CallScheduler(2, 2);
    const [a, b] = [scheduler.lane(), scheduler.lane()];
    const { started, command, settle } = commands();
    // Act: each request has one command in flight and three waiting.
    const runs = [0, 1, 2, 3].flatMap((i) => [a.run(command(`a${i}`)), b.run(command(`b${i}`))]);
    await settle('none');
    for (const name of ['a0', 'b0', 'a1', 'b1']) await settle(name);
    // Assess
    expect(started).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    for (const name of ['a2', 'b2', 'a3', 'b3']) await settle(name);
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
