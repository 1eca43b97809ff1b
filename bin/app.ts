// The CDK app (`npx cdk synth`, `npx cdk deploy`): inputs come from cdk.json context or SLUICE_* environment variables.
import { App } from 'aws-cdk-lib';
import { readSluiceInputs } from '../lib/stackInputs.js';
import { SluiceStack } from '../lib/SluiceStack.js';

const app = new App();
const context = (key: string): unknown => app.node.tryGetContext(key);
const account = (context('sluice:account') as string | undefined) ?? process.env['CDK_DEFAULT_ACCOUNT'];
const region = (context('sluice:region') as string | undefined) ?? process.env['CDK_DEFAULT_REGION'];
const entry = (key: string): string | undefined => context(`sluice:${key}Entry`) as string | undefined;
const entries = Object.fromEntries(['api', 'controller', 'sink', 'source'].flatMap((k) => (entry(k) ? [[k, entry(k)]] : [])));

new SluiceStack(app, (context('sluice:stackName') as string | undefined) ?? 'Sluice', {
  inputs: readSluiceInputs(context, process.env),
  entries,
  ...(account && region ? { env: { account, region } } : {}),
  description: 'Sluice: serverless Kafka Connect (Lambda + MSK + DynamoDB)',
});
