import { freshTable, startEngineInProcess } from './engine.js';
import { type Floor, floors } from './floors.js';
import { benchHandler, seed, sendThrough } from './gateway.js';
import { type BenchOperation, benchOperations, expectData } from './operations.js';
import { median, percentile, round } from './stats.js';

/** One operation's warm latency through the handler, against its floor. */
export interface WarmOperation {
  operation: string;
  p50Ms: number;
  p99Ms: number;
  floorP50Ms: number;
  /** p50Ms / floorP50Ms. */
  ratio: number;
  /** From the answer's `extensions.dynamodb.calls`. */
  dynamodbCalls: number;
  floorCalls: number;
}

export interface WarmResult {
  engine: string;
  warmupIterations: number;
  iterations: number;
  operations: WarmOperation[];
}

interface Samples {
  operation: BenchOperation;
  floor: Floor;
  gatewayMs: number[];
  floorMs: number[];
  calls: Set<number>;
  floorCalls: Set<number>;
}

/**
 * Warm requests: each operation through the Lambda handler in this process, on dynalite in
 * the same process with the article's data, interleaved with its floor (the same reads made
 * straight with the DocumentClient, on the same client); which of the two goes first
 * alternates by iteration.
 */
export async function benchWarm(options: { warmup: number; iterations: number }): Promise<WarmResult> {
  const engine = await startEngineInProcess();
  try {
    const db = await freshTable(engine.endpoint, 'warm');
    await seed(db);
    const send = sendThrough(benchHandler(db, engine.endpoint));
    const operations = await benchOperations(send);
    const floorOf = floors(operations.find((o) => o.name === 'relations-page-2')?.variables.after as string);
    const samples: Samples[] = operations.map((operation) => {
      const floor = floorOf[operation.name];
      if (!floor) throw new Error(`no floor for ${operation.name}`);
      return { operation, floor, gatewayMs: [], floorMs: [], calls: new Set(), floorCalls: new Set() };
    });

    const throughGateway = async (s: Samples, measure: boolean) => {
      const started = performance.now();
      const answer = await send(s.operation.query, s.operation.variables);
      const ms = performance.now() - started;
      expectData(answer, s.operation.name);
      s.calls.add(answer.extensions?.dynamodb?.calls ?? Number.NaN);
      if (measure) s.gatewayMs.push(ms);
    };
    const throughFloor = async (s: Samples, measure: boolean) => {
      const started = performance.now();
      const calls = await s.floor(db.client, db.tableName);
      const ms = performance.now() - started;
      s.floorCalls.add(calls);
      if (measure) s.floorMs.push(ms);
    };
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      const measure = i >= options.warmup;
      for (const s of samples) {
        if (i % 2 === 0) {
          await throughGateway(s, measure);
          await throughFloor(s, measure);
        } else {
          await throughFloor(s, measure);
          await throughGateway(s, measure);
        }
      }
    }

    return {
      engine: 'dynalite in the same process as the handler and the floor',
      warmupIterations: options.warmup,
      iterations: options.iterations,
      operations: samples.map((s) => {
        if (s.calls.size !== 1 || s.floorCalls.size !== 1) {
          throw new Error(`${s.operation.name}: the number of calls varied between runs (${[...s.calls]} / ${[...s.floorCalls]})`);
        }
        const p50 = median(s.gatewayMs);
        const floorP50 = median(s.floorMs);
        return {
          operation: s.operation.name,
          p50Ms: round(p50),
          p99Ms: round(percentile(s.gatewayMs, 99)),
          floorP50Ms: round(floorP50),
          ratio: round(p50 / floorP50, 3),
          dynamodbCalls: [...s.calls][0] as number,
          floorCalls: [...s.floorCalls][0] as number,
        };
      }),
    };
  } finally {
    await engine.close();
  }
}
