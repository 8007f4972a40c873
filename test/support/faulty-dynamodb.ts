import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What a faulty engine does to a request:
 * - `throttle`: 400 ProvisionedThroughputExceededException, as DynamoDB throttles;
 * - `server-error`: 500 InternalServerError;
 * - `timeout`: no answer at all, until the client gives up;
 * - `slow`: the real answer, `delayMs` late;
 * - `invalid`: 400 ValidationException, an error the SDK does not retry and the gateway does not expect;
 * - `condition-failed`: 400 ConditionalCheckFailedException carrying `item` (DynamoDB's ALL_OLD answer,
 *   which dynalite does not give).
 */
export type Fault = 'throttle' | 'server-error' | 'timeout' | 'slow' | 'invalid' | 'condition-failed';

/** Which requests get a fault: by operation (`Query`, `BatchGetItem`, …) and text in the body. */
export interface FaultRule {
  fault: Fault;
  operation?: string;
  match?: string;
  /** How many matching requests get it; every one when absent. */
  times?: number;
  delayMs?: number;
  /** The stored item a `condition-failed` answer carries, in DynamoDB's JSON (`{ pk: { S: '…' } }`). */
  item?: Record<string, unknown>;
}

/** A proxy in front of the real engine that injects faults into chosen requests. */
export interface FaultyEngine {
  endpoint: string;
  /** Requests received, by operation. */
  calls: Record<string, number>;
  /** Requests given a fault, by operation. */
  faulted: Record<string, number>;
  inject(rule: FaultRule): void;
  /** Removes every rule and zeroes the counters. */
  reset(): void;
  close(): Promise<void>;
}

const AMZ_JSON = 'application/x-amz-json-1.0';

const ERRORS: Record<'throttle' | 'server-error' | 'invalid', { status: number; type: string; message: string }> = {
  throttle: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  },
  'server-error': { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
  invalid: {
    status: 400,
    type: 'com.amazon.coral.validate#ValidationException',
    message: 'One or more parameter values were invalid: fault injected at /internal/engine',
  },
};

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function forward(target: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

/**
 * Starts a proxy on 127.0.0.1 that passes DynamoDB's JSON protocol through to `target` (the
 * test engine) and answers chosen requests with faults, so the SDK's own retries, timeouts
 * and error parsing are exercised as they are against DynamoDB.
 */
export async function startFaultyEngine(target: string): Promise<FaultyEngine> {
  const upstream = new URL(target);
  let rules: (FaultRule & { left: number })[] = [];
  const calls: Record<string, number> = {};
  const faulted: Record<string, number> = {};
  const held = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    calls[operation] = (calls[operation] ?? 0) + 1;
    const text = body.toString('utf8');
    const rule = rules.find((r) => r.left > 0 && (!r.operation || r.operation === operation) && (!r.match || text.includes(r.match)));
    if (!rule) return forward(upstream, req, body, res);
    rule.left -= 1;
    faulted[operation] = (faulted[operation] ?? 0) + 1;
    if (rule.fault === 'slow') {
      setTimeout(() => forward(upstream, req, body, res), rule.delayMs ?? 1_000);
      return;
    }
    if (rule.fault === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (rule.fault === 'condition-failed') {
      res.writeHead(400, { 'content-type': AMZ_JSON, 'x-amzn-requestid': `fault-${operation}` });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
          message: 'The conditional request failed',
          ...(rule.item ? { Item: rule.item } : {}),
        }),
      );
      return;
    }
    const error = ERRORS[rule.fault];
    res.writeHead(error.status, { 'content-type': AMZ_JSON, 'x-amzn-requestid': `fault-${operation}` });
    res.end(JSON.stringify({ __type: error.type, message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const zero = (counts: Record<string, number>) => {
    for (const key of Object.keys(counts)) delete counts[key];
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    faulted,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY }),
    reset: () => {
      rules = [];
      zero(calls);
      zero(faulted);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
