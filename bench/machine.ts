import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Where the numbers were measured. */
export interface Machine {
  /** As `nproc` reports it. */
  nproc: number;
  node: string;
  /** The `model name` of /proc/cpuinfo. */
  cpu: string;
  memoryGb: number;
}

/** This machine, as the README states it. */
export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() names the model too.
  }
  return { nproc: os.availableParallelism(), node: process.version, cpu, memoryGb: Math.round(os.totalmem() / 1024 ** 3) };
}

/** The 1-minute load average: other work on the machine competes with a benchmark for its cores. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
