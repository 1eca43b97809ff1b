// The CDK app (`npx cdk synth`, `npx cdk deploy`): inputs come from cdk.json context or SLUICE_* environment variables.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadStackPlugins } from '../lib/pluginBundle.js';
import { readSluiceInputs } from '../lib/stackInputs.js';
import { SluiceStack } from '../lib/SluiceStack.js';

const app = new App();
// cdk-nag's AwsSolutions pack runs on every synth; findings fail it unless acknowledged with a reason in lib/.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const context = (key: string): unknown => app.node.tryGetContext(key);
const account = (context('sluice:account') as string | undefined) ?? process.env['CDK_DEFAULT_ACCOUNT'];
const region = (context('sluice:region') as string | undefined) ?? process.env['CDK_DEFAULT_REGION'];
const entry = (key: string): string | undefined => context(`sluice:${key}Entry`) as string | undefined;
const entries = Object.fromEntries(['api', 'controller', 'sink', 'source'].flatMap((k) => (entry(k) ? [[k, entry(k)]] : [])));

const inputs = readSluiceInputs(context, process.env);
// The plugin path is loaded here, before synth: a package that cannot load or repeats a class name fails synth.
const plugins = await loadStackPlugins(inputs.pluginPath ?? []);

new SluiceStack(app, (context('sluice:stackName') as string | undefined) ?? 'Sluice', {
  inputs,
  entries,
  plugins,
  ...(account && region ? { env: { account, region } } : {}),
  description: 'Sluice: serverless Kafka Connect (Lambda + MSK + DynamoDB)',
});
