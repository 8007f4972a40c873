/**
 * The CDK app: one stack per stage, chosen with `-c stage=dev|prod`, checked by cdk-nag's
 * AWS Solutions rules on every synth (a finding that is not acknowledged fails it).
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { infraConfig, PROJECT, parseStage } from './config.js';
import { GeoGatewayStack } from './stack.js';

const app = new App();
let config: ReturnType<typeof infraConfig>;
try {
  config = infraConfig(parseStage(app.node.tryGetContext('stage')), {
    feeds: app.node.tryGetContext('feeds'),
    // The frontends' origins belong to the deployment: given on the command line or by CI.
    origins: app.node.tryGetContext('origins') ?? process.env.CORS_ORIGINS,
  });
} catch (error) {
  // A wrong stage or setting is the operator's to fix: the message, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

new GeoGatewayStack(app, config.stackName, {
  config,
  description: `Geopolitical knowledge base GraphQL gateway (${config.stage})`,
});
Tags.of(app).add('project', PROJECT);
Tags.of(app).add('stage', config.stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
