import { type CfnResource, type Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type LambdaBundle, lambdaAssetDir } from '../assets.js';

export interface NodeFunctionProps {
  functionName: string;
  description: string;
  /** The `dist/` folder deployed as the code. */
  bundle: LambdaBundle;
  memoryMb: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Whether Node maps stack traces to the sources (`--enable-source-maps`); on by default. */
  sourceMaps?: boolean;
  /** Instances that may run at once, reserved from the account's pool; unreserved by default. */
  reservedConcurrency?: number;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * A function running one of the bundles from `scripts/build.ts`, set up the same way for
 * every handler: Node.js 22 on Graviton, X-Ray active tracing, source-mapped stack traces
 * (unless `sourceMaps` is false) and its own log group with a retention, created by the stack rather than on first write
 * so the retention applies from the start and the group goes with the stack.
 */
export class NodeFunction extends Construct {
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.function = new lambda.Function(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      code: lambda.Code.fromAsset(lambdaAssetDir(props.bundle)),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: { ...(props.sourceMaps === false ? {} : { NODE_OPTIONS: '--enable-source-maps' }), ...props.environment },
      ...(props.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrency }),
    });

    ignoreRedundantRoleDependency(this.function.node.defaultChild as lambda.CfnFunction);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; the log group is created by the stack with a retention.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be "*").',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'The project targets nodejs22.x: the bundles are built for node22 and tested on it; moving to a newer runtime is a deliberate upgrade, not a side effect of cdk-nag learning a new runtime.',
      },
    );
  }
}

/**
 * aws-cdk-lib makes a function depend on its whole role construct, so the role's policy exists
 * before the function; that writes a DependsOn on the role beside the `Fn::GetAtt` of its ARN,
 * which cfn-lint reports as redundant (W3005). It is harmless and generated: the rule is
 * turned off for this resource only, so the check still runs on every other one.
 */
export function ignoreRedundantRoleDependency(resource: CfnResource): void {
  resource.addMetadata('cfn-lint', { config: { ignore_checks: ['W3005'] } });
}
