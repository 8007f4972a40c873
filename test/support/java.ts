import { spawnSync } from 'node:child_process';

/** Whether a Java runtime answers on this machine (DynamoDB Local is a Java program), or why not. */
export function javaFound(): { ok: true } | { ok: false; reason: string } {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.status === 0) return { ok: true };
  return {
    ok: false,
    reason: `no Java runtime found (${run.error ? String(run.error.message) : `java exited with ${run.status}`}): install one (Debian/Ubuntu: sudo apt-get install default-jre-headless; macOS: brew install openjdk)`,
  };
}
