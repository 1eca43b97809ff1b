// `--stack NAME`: the deployed API's URL from the stack's outputs (CloudFormation DescribeStacks) and a signer for its
// region, with the credentials of the AWS SDK's default chain (environment, SSO, profiles, container and instance
// roles), resolved once here so that a missing credential is told before any request.
import { CloudFormationClient, DescribeStacksCommand, type Output } from '@aws-sdk/client-cloudformation';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { RequestSigner } from './RequestSigner.js';
import { TargetError } from './TargetError.js';

/** The stack output holding the API URL: lib/ConnectApi.ts's `Url` output, whose logical id CDK prefixes with the construct's. */
export const API_URL_OUTPUT_PREFIX = 'ConnectApiUrl';

export interface StackTarget {
  readonly stack: string;
  readonly region: string;
  /** The API's base URL, stage included, without a trailing slash: https://abc.execute-api.eu-west-1.amazonaws.com/v1 */
  readonly url: string;
  readonly signer: RequestSigner;
}

export interface StackOptions {
  /** --region; else the SDK's (AWS_REGION, the profile's region). */
  readonly region?: string;
}

export async function resolveStack(stack: string, options: StackOptions = {}): Promise<StackTarget> {
  const credentials = defaultProvider();
  const cloudformation = new CloudFormationClient({ ...(options.region ? { region: options.region } : {}), credentials });
  try {
    const region = await regionOf(cloudformation);
    await credentialsOrExplain(credentials);
    const outputs = await outputsOf(cloudformation, stack, region);
    const output = outputs.find((o) => o.OutputKey?.startsWith(API_URL_OUTPUT_PREFIX));
    if (output?.OutputValue === undefined) {
      const names = outputs.map((o) => o.OutputKey).join(', ') || 'none';
      throw new TargetError(`stack ${stack} (${region}) has no ${API_URL_OUTPUT_PREFIX}… output (its outputs: ${names}): is it a Sluice stack?`);
    }
    let url: URL;
    try {
      url = new URL(output.OutputValue);
    } catch {
      throw new TargetError(`stack ${stack} (${region}): output ${output.OutputKey} is not a URL: ${output.OutputValue}`);
    }
    return { stack, region, url: url.toString().replace(/\/+$/, ''), signer: new RequestSigner(region, credentials) };
  } finally {
    cloudformation.destroy();
  }
}

async function regionOf(client: CloudFormationClient): Promise<string> {
  try {
    return await client.config.region();
  } catch {
    throw new TargetError('no AWS region: pass --region or set AWS_REGION (or a region in your AWS profile)');
  }
}

async function credentialsOrExplain(provider: ReturnType<typeof defaultProvider>): Promise<void> {
  try {
    await provider();
  } catch (e) {
    throw new TargetError(`no AWS credentials: ${(e as Error).message} (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run aws sso login)`);
  }
}

async function outputsOf(client: CloudFormationClient, stack: string, region: string): Promise<Output[]> {
  try {
    const answer = await client.send(new DescribeStacksCommand({ StackName: stack }));
    const found = answer.Stacks?.[0];
    if (found === undefined) throw new TargetError(`stack ${stack} not found in ${region}`);
    return found.Outputs ?? [];
  } catch (e) {
    if (e instanceof TargetError) throw e;
    const error = e as Error;
    // CloudFormation answers an unknown stack with a ValidationError "Stack with id X does not exist".
    if (error.name === 'ValidationError' && /does not exist/.test(error.message)) throw new TargetError(`stack ${stack} not found in ${region}`);
    throw new TargetError(`cannot read stack ${stack} in ${region}: ${error.name}: ${error.message}`);
  }
}
