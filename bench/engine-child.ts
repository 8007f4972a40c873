/**
 * Runs dynalite on its own, for benchmarks that keep the engine's CPU out of the process
 * they measure. Sends its endpoint to the parent over IPC, answers "cpu" with the CPU time it
 * has used, in seconds, and stops when the parent goes.
 */
import { startEngine } from '../src/dev/engine.js';

const engine = await startEngine();
process.send?.({ endpoint: engine.endpoint });
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuSeconds: (user + system) / 1e6 });
});
process.on('disconnect', () => void engine.close().then(() => process.exit(0)));
