import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src/config.js';
import { synthStage } from './synth.js';

const run = promisify(execFile);

/** Whether AWS's CloudFormation linter is on this machine (.ci/run installs it). */
function hasCfnLint(): boolean {
  try {
    execFileSync('cfn-lint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasCfnLint())('cfn-lint (AWS CloudFormation linter)', () => {
  it.each<Stage>(['dev', 'prod'])(
    'finds no error and no warning in the %s template',
    async (stage) => {
      // Prepare: the template as `cdk synth` writes it.
      const { app, config } = synthStage(stage);
      const template = app.synth().getStackByName(config.stackName).templateFullPath;
      // Act: cfn-lint exits non-zero and prints each finding when it has any.
      const result = await run('cfn-lint', [template]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      // Assess
      expect(result.stdout).toBe('');
      expect(result.code).toBe(0);
    },
    60_000,
  );

  it('marks as known only the duplicate role dependency aws-cdk-lib writes on each function (W3005)', () => {
    const { template } = synthStage('dev');
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBe(3);
    for (const fn of functions) {
      expect(fn.DependsOn).toEqual(expect.arrayContaining([fn.Properties.Role['Fn::GetAtt'][0]]));
      expect(fn.Metadata?.['cfn-lint']).toEqual({ config: { ignore_checks: ['W3005'] } });
    }
  });
});
