/**
 * Fairness of one server process: the latency of a cheap query alone, and while three clients
 * keep sending an expensive query back to back. Run against a running local server (`npm start`,
 * dev stage, so answers carry `extensions.dynamodb`):
 *
 *   npx tsx bench/fairness.ts --url http://localhost:4000/graphql [--rounds 60] [--expensive NAME,...]
 *
 * It prints one JSON line per expensive query: the cheap query's p50/p90/max alone and under
 * load, the error codes it got, and the expensive query's calls, latency and answers.
 */
import { parseArgs } from 'node:util';
import { percentile, round } from './stats.js';

const PUTIN = 'leader:vladimir-putin';

/** Two calls: the leader and its country. */
const CHEAP = `{ leader(id: "${PUTIN}") { name country { name } } }`;

const nested =
  'meetings(first: $n) { edges { node { participants { meetings(first: $n) { edges { node { participants { revisions(first: $z) { __typename } meetings(first: $z) { __typename } statements(first: $z) { __typename } } } } } } } } }';

/** Expensive queries, by name. */
const EXPENSIVE: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  /** The most expensive anonymous query the cost model accepts on the article's data: estimated at 95 calls, it makes about as many. */
  'widest-accepted': {
    query: `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: leaders(first: 5) { edges { node { meetings(first: 1) { edges { cursor } } statements(first: 1) { edges { cursor } } revisions(first: 1) { edges { cursor } } } } }`).join(' ')} }`,
  },
  /** The query of issue 10: 1,547 calls where the cost model is missing; refused before execution where it is in place. */
  'issue-10': {
    query: `query ($n: Int, $z: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: ${nested}`).join(' ')} }`,
    variables: { n: 6, z: 0 },
  },
};

interface Answer {
  status: number;
  ms: number;
  codes: string[];
  calls: number | undefined;
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; extensions?: { dynamodb?: { calls: number } } };
  return {
    status: response.status,
    ms: performance.now() - started,
    codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
    calls: body.extensions?.dynamodb?.calls,
  };
}

async function cheapRounds(url: string, rounds: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < rounds; i++) answers.push(await post(url, CHEAP));
  return answers;
}

function summary(answers: Answer[]) {
  const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
  const codes = answers.flatMap((a) => a.codes);
  return {
    n: answers.length,
    p50Ms: round(percentile(ms, 50)),
    p90Ms: round(percentile(ms, 90)),
    maxMs: round(ms.at(-1) ?? 0),
    errorCodes: Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length])),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      rounds: { type: 'string', default: '60' },
      expensive: { type: 'string', default: Object.keys(EXPENSIVE).join(',') },
      clients: { type: 'string', default: '3' },
    },
  });
  const url = values.url;
  const rounds = Number(values.rounds);
  const clients = Number(values.clients);
  await cheapRounds(url, 10);
  for (const name of values.expensive.split(',')) {
    const op = EXPENSIVE[name];
    if (!op) throw new Error(`unknown expensive query ${name}; known: ${Object.keys(EXPENSIVE).join(', ')}`);
    const alone = await cheapRounds(url, rounds);
    let running = true;
    const heavy: Answer[] = [];
    const loops = Array.from({ length: clients }, async () => {
      while (running) heavy.push(await post(url, op.query, op.variables));
    });
    // Let the expensive clients get going before the cheap query is timed among them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const loaded = await cheapRounds(url, rounds);
    running = false;
    await Promise.all(loops);
    const heavyMs = heavy.map((a) => a.ms).sort((x, y) => x - y);
    console.log(
      JSON.stringify({
        expensive: name,
        clients,
        loadAverage: (await import('node:os')).loadavg().map((l) => round(l)),
        cheapAlone: summary(alone),
        cheapUnderLoad: summary(loaded),
        expensiveAnswers: {
          n: heavy.length,
          status: [...new Set(heavy.map((a) => a.status))],
          calls: [...new Set(heavy.map((a) => a.calls))],
          p50Ms: round(percentile(heavyMs, 50)),
          maxMs: round(heavyMs.at(-1) ?? 0),
          errorCodes: summary(heavy).errorCodes,
        },
      }),
    );
  }
}

await main();
