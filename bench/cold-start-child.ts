/**
 * One cold start, in a fresh Node process: imports the bundle given as argv[2], sends it the
 * API Gateway v2 event read from argv[3] (a JSON file), and prints the times since the process
 * started (`performance.now()` counts from `performance.timeOrigin`) as JSON on a line of its
 * own after RESULT_MARK: the handler's logs and metrics go to stdout too.
 * Compiled to plain JavaScript by the bench: Node runs it without a loader, as Lambda would.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const startedMs = performance.now();
const RESULT_MARK = 'cold-start-result ';
const [bundle, eventFile] = process.argv.slice(2) as [string, string];
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: 'cold-start',
  functionName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  callbackWaitsForEmptyEventLoop: false,
};
const module = (await import(pathToFileURL(bundle).href)) as {
  handler: (event: unknown, context: unknown, callback?: () => void) => Promise<{ statusCode?: number; body?: string }>;
};
const importedMs = performance.now();
const result = await module.handler(event, context, () => undefined);
const answeredMs = performance.now();
process.stdout.write(
  `\n${RESULT_MARK}${JSON.stringify({ startedMs, importedMs, answeredMs, statusCode: result.statusCode, body: result.body })}\n`,
);
process.exit(0);
