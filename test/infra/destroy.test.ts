import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, synthStage } from './synth.js';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  DependsOn?: string | string[];
}

const resourcesOf = (stage: 'dev' | 'prod') => {
  const synth = synthStage(stage);
  return { ...synth, resources: synth.template.toJSON().Resources as Record<string, Resource> };
};

/** The physical name of a resource with a fixed one, account and region shown as <account> and <region>. */
function physicalName(resource: Resource): string | undefined {
  const name = resource.Properties?.TableName ?? resource.Properties?.BucketName ?? resource.Properties?.LogGroupName;
  if (typeof name === 'string') return name;
  const parts = (name as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join']?.[1] ?? [];
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      return ref === 'AWS::AccountId' ? '<account>' : ref === 'AWS::Region' ? '<region>' : '?';
    })
    .join('');
}

describe('What a destroy leaves', () => {
  it('dev: every resource goes with the stack, and every function logs to a group the stack owns', () => {
    const { resources } = resourcesOf('dev');
    const kept = Object.entries(resources).filter(([, r]) => r.DeletionPolicy !== undefined && r.DeletionPolicy !== 'Delete');
    expect(kept.map(([id]) => id)).toEqual([]);

    const logGroups = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup');
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(3);
    for (const [id, fn] of functions) {
      // Either the function names its group, or a group is named after the function.
      const named = (fn.Properties?.LoggingConfig as { LogGroup?: { Ref: string } } | undefined)?.LogGroup?.Ref;
      const byName = logGroups.find(
        ([, group]) =>
          JSON.stringify(group.Properties?.LogGroupName) === JSON.stringify({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: id }]] }),
      );
      expect(named !== undefined ? resources[named]?.Type : byName?.[1].Type, id).toBe('AWS::Logs::LogGroup');
    }
  });

  it('dev: the bucket-emptying custom resources run while their log group still exists, so nothing recreates it', () => {
    const { resources } = resourcesOf('dev');
    const group = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::Logs::LogGroup' && JSON.stringify(r.Properties?.LogGroupName).includes('CustomS3AutoDeleteObjects'),
    );
    expect(group?.[1].DeletionPolicy).toBe('Delete');
    const emptiers = Object.values(resources).filter((r) => r.Type === 'Custom::S3AutoDeleteObjects');
    expect(emptiers).toHaveLength(2);
    // CloudFormation deletes a resource before what it depends on: the emptiers, then the group.
    for (const emptier of emptiers) expect([emptier.DependsOn].flat()).toContain(group?.[0]);
  });

  it('prod: keeps exactly the table, the two buckets and the three log groups, each named in the redeploy instructions', () => {
    const { resources } = resourcesOf('prod');
    const kept = Object.values(resources)
      .filter((r) => r.DeletionPolicy === 'Retain')
      .map((r) => `${r.Type} ${physicalName(r)}`)
      .sort();
    expect(kept).toEqual([
      'AWS::DynamoDB::Table geo-gateway-prod-knowledge',
      'AWS::Logs::LogGroup /aws/apigateway/geo-gateway-prod-api/access',
      'AWS::Logs::LogGroup /aws/lambda/geo-gateway-prod-graphql',
      'AWS::Logs::LogGroup /aws/lambda/geo-gateway-prod-sync',
      'AWS::S3::Bucket geo-gateway-prod-access-logs-<account>-<region>',
      'AWS::S3::Bucket geo-gateway-prod-feeds-<account>-<region>',
    ]);
    const readme = readFileSync(path.join(REPO_ROOT, 'infra', 'README.md'), 'utf8');
    const redeploy = readme.slice(readme.indexOf('### What `destroy` leaves behind'), readme.indexOf('## What gets created'));
    for (const entry of kept) expect(redeploy).toContain(`\`${entry.split(' ')[1]}\``);
    expect(redeploy).toMatch(/npx cdk import -c stage=prod/);
    expect(redeploy).toMatch(/turn off deletion protection/);
  });
});
