import { type Acknowledgment, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../../src/config.js';
import { synthStage } from './synth.js';

/**
 * cdk-nag 3 runs as a CDK validation plugin (`Validations.of(app).addPlugins`) rather than
 * an aspect, and reads acknowledgments from `Validations.of(construct).acknowledge`; its
 * findings come back as a validation report instead of annotations.
 */
/** The first check loads every rule's aws-cdk-lib module: about 10 s under vitest. */
const FIRST_CHECK_TIMEOUT_MS = 60_000;

describe.each<Stage>(['dev', 'prod'])('cdk-nag AwsSolutions on %s', (stage) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(
    'has no finding left unacknowledged',
    () => {
      const { stack } = synthStage(stage);
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
      expect(
        report.violations.map(
          (violation) => `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
        ),
      ).toEqual([]);
      expect(report.success).toBe(true);
    },
    FIRST_CHECK_TIMEOUT_MS,
  );

  it('lets the app synthesize with the checks registered, as `cdk synth` does', () => {
    const { app } = synthStage(stage);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth({ force: true })).not.toThrow();
  });

  it('leaves no CDK error or warning on the stack', () => {
    const annotations = Annotations.fromStack(synthStage(stage).stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  it('acknowledges exactly the findings there are, each with its own reason', () => {
    const acknowledged: Acknowledgment[] = [];
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation((...rules: Acknowledgment[]) => {
      acknowledged.push(...rules);
    });
    const { stack } = synthStage(stage);
    const findings = new AwsSolutionsChecks().validateScope(stack).violations.map((violation) => violation.ruleName);
    const ids = [...new Set(acknowledged.map((rule) => rule.id))];
    // A stale acknowledgment would hide the next real finding of that rule.
    expect(ids.sort()).toEqual([...new Set(findings)].sort());
    for (const rule of acknowledged) expect(rule.reason.length, rule.id).toBeGreaterThan(60);
    expect(new Set(acknowledged.map((rule) => rule.reason)).size).toBe(ids.length);
  });
});
