import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_KEY, infraConfig } from '../../infra/config.js';
import type { Stage } from '../../src/config.js';
import { actionsOf, functionStatements, logicalIdOf, type Statement, synthStage } from './synth.js';

/** The statements of the sync's role that name an S3 action, by action. */
function s3Grants(statements: Statement[]): Record<string, unknown[]> {
  const grants: Record<string, unknown[]> = {};
  for (const statement of statements) {
    for (const action of actionsOf(statement).filter((a) => a.startsWith('s3:'))) {
      grants[action] = [...(grants[action] ?? []), ...[statement.Resource].flat()];
    }
  }
  // IAM policies are sets: compare the resources in a stable order.
  for (const action of Object.keys(grants)) grants[action]?.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return grants;
}

describe.each<Stage>(['dev', 'prod'])('%s feed sync', (stage) => {
  describe('the schedule', () => {
    it('can assume its role: the trust policy names the schedule group, as EventBridge Scheduler sends it', () => {
      const { template, config } = synthStage(stage);
      const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule'))[0];
      // A schedule without a group is in the group called "default".
      expect(schedule?.Properties.GroupName ?? 'default').toBe('default');
      const roleId = schedule?.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
      const role = template.toJSON().Resources[roleId];
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: {
              'aws:SourceAccount': { Ref: 'AWS::AccountId' },
              'aws:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':scheduler:',
                    { Ref: 'AWS::Region' },
                    ':',
                    { Ref: 'AWS::AccountId' },
                    ':schedule-group/default',
                  ],
                ],
              },
            },
          },
        },
      ]);
      // And the role may start the sync function, nothing else.
      const functionId = logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', config.names.syncFunction);
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'lambda:InvokeFunction',
              Resource: [{ 'Fn::GetAtt': [functionId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [functionId, 'Arn'] }, ':*']] }],
            }),
          ]),
        },
      });
    });
  });

  describe('read permission on the feeds', () => {
    it('names the default feed object of the stack bucket, and lets the sync list that bucket so a missing feed is NoSuchKey', () => {
      const { template, config } = synthStage(stage);
      const bucketArn = {
        'Fn::GetAtt': [
          Object.entries(template.findResources('AWS::S3::Bucket')).find(([, bucket]) =>
            JSON.stringify(bucket.Properties.BucketName).includes(`"${config.names.feedBucketPrefix}-"`),
          )?.[0],
          'Arn',
        ],
      };
      expect(s3Grants(functionStatements(template, config.names.syncFunction))).toEqual({
        's3:GetObject': [{ 'Fn::Join': ['', [bucketArn, `/${DEFAULT_FEED_KEY}`]] }],
        's3:ListBucket': [bucketArn],
      });
    });

    it('follows -c feeds: each S3 object named, each bucket listed, https feeds need nothing, the stack bucket not at all', () => {
      const feeds =
        's3://partner-bucket/exports/geo-feed.jsonl,https://example.org/sipri.csv,s3://partner-bucket/extra.jsonl,s3://other.bucket/a/b.jsonl';
      const { template, config } = synthStage(stage, { feeds });
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: config.names.syncFunction,
        Environment: { Variables: Match.objectLike({ FEEDS: feeds }) },
      });
      const s3 = (resource: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::${resource}`]] });
      expect(s3Grants(functionStatements(template, config.names.syncFunction))).toEqual({
        's3:GetObject': [s3('other.bucket/a/b.jsonl'), s3('partner-bucket/exports/geo-feed.jsonl'), s3('partner-bucket/extra.jsonl')],
        's3:ListBucket': [s3('other.bucket'), s3('partner-bucket')],
      });
    });

    it('grants no S3 read at all when every feed is https://', () => {
      const { template, config } = synthStage(stage, { feeds: 'https://example.org/feed.jsonl' });
      expect(s3Grants(functionStatements(template, config.names.syncFunction))).toEqual({});
    });
  });
});

describe('-c feeds', () => {
  it.each(['s3://bucket/feeds/*.jsonl', 's3://bucket/feed?.jsonl', 's3://bucket/', 's3://Bucket_Name/key'])(
    'refuses %s, which cannot be named as one object',
    (feed) => {
      expect(() => infraConfig('dev', { feeds: feed })).toThrow(/not an s3:\/\/bucket\/key/);
    },
  );
});
