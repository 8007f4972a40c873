import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type InfraConfig, infraConfig } from '../../infra/config.js';
import { GeoGatewayStack } from '../../infra/stack.js';
import type { Stage } from '../../src/config.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The CLI's context (feature flags included), so the tests synthesize what `cdk synth` does. */
const CDK_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')).context;

/**
 * Fails with the fix rather than with CDK's "Cannot find asset" when the bundles the stack
 * deploys have not been built (`npm test` builds them first).
 */
export function requireBundles(): void {
  for (const bundle of ['graphql', 'sync']) {
    if (!existsSync(path.join(REPO_ROOT, 'dist', bundle, 'index.mjs'))) {
      throw new Error(
        `dist/${bundle}/index.mjs is missing: the infra tests synthesize the real bundles. Run \`npx tsx scripts/build.ts\` (npm test does) and try again.`,
      );
    }
  }
}

export interface Synthesized {
  app: App;
  stack: GeoGatewayStack;
  config: InfraConfig;
  template: Template;
}

/** The frontend origin the tests deploy prod with (prod refuses to synthesize without one). */
export const TEST_PROD_ORIGINS = 'https://app.example.com';

/**
 * Builds one stage's stack in a fresh app and synthesizes its template. Prod gets
 * TEST_PROD_ORIGINS unless the context gives origins.
 */
export function synthStage(stage: Stage, context: Record<string, unknown> = {}): Synthesized {
  requireBundles();
  const given: Record<string, unknown> = { ...(stage === 'prod' ? { origins: TEST_PROD_ORIGINS } : {}), ...context };
  const app = new App({ context: { ...CDK_CONTEXT, stage, ...given } });
  const config = infraConfig(stage, { feeds: given.feeds, origins: given.origins });
  const stack = new GeoGatewayStack(app, config.stackName, { config });
  return { app, stack, config, template: Template.fromStack(stack) };
}

/** The logical id of the one resource of `type` whose properties include `name` under `key`. */
export function logicalIdOf(template: Template, type: string, key: string, name: string): string {
  const found = Object.entries(template.findResources(type)).filter(([, resource]) => resource.Properties?.[key] === name);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type} with ${key} = ${name}, found ${found.length}`);
  return found[0][0];
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every identity-policy statement in the template (role policies, not bucket or queue policies). */
export function identityStatements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as Statement[],
  );
}

/** The statements of the policies attached to the role of the function with this name. */
export function functionStatements(template: Template, functionName: string): Statement[] {
  const functionId = logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', functionName);
  const roleId = template.toJSON().Resources[functionId].Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** A statement's actions as a list, whether CloudFormation holds one or several. */
export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
