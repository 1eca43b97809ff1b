// `sluice connectors|plugins|validate --stack NAME` against a deployed API: the URL comes from the stack's outputs
// (CloudFormation mocked at the SDK boundary, it has no local stand-in) and every request must carry a SigV4
// signature for execute-api in the stack's region, with the credentials of the SDK's default chain. The "API Gateway"
// is a local server that recomputes each signature with the AWS signer and forwards good requests to a real
// standalone instance, so the commands do real work.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Gateway, startSigV4Gateway } from '../../../helpers/sigv4Gateway.js';
import { PG_URL } from '../../../helpers/pg.js';
import { cli, standaloneForTests, unique } from '../connect/cliHarness.js';
import { awsEnv, CREDENTIALS, WITH_CREDENTIALS } from './awsEnv.js';

const REGION = 'eu-central-2';
const sa = standaloneForTests();
const cloudformation = mockClient(CloudFormationClient);
let gateway: Gateway;
let restoreEnv: () => void;

beforeAll(async () => {
  gateway = await startSigV4Gateway({ credentials: CREDENTIALS, region: REGION, service: 'execute-api', stage: 'v1', upstream: sa.url });
  restoreEnv = awsEnv({ ...WITH_CREDENTIALS, AWS_REGION: REGION });
});
afterAll(async () => {
  restoreEnv();
  cloudformation.restore();
  await gateway.close();
});
beforeEach(() => {
  cloudformation.reset();
  cloudformation.on(DescribeStacksCommand, { StackName: 'sluice-prod' }).resolves({
    Stacks: [
      {
        StackName: 'sluice-prod',
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date(0),
        // What SluiceStack prints: the RestApi's own Endpoint output and ConnectApi's Url output (logical id + hash).
        Outputs: [
          { OutputKey: 'ConnectApiRestApiEndpoint4C1B4A53', OutputValue: `${gateway.url}/v1/` },
          { OutputKey: 'ConnectApiUrlA1B2C3D4', OutputValue: `${gateway.url}/v1/` },
        ],
      },
    ],
  });
});

const STACK = ['--stack', 'sluice-prod'];

describe('--stack', () => {
  it('signs every request of apply, list, get, status, pause, restart, offsets, plugins, validate and delete', async () => {
    // Prepare: a name needing escapes in the path, so the double-encoded canonical path is exercised
    const name = `${unique('cli_stack')} eu:1+x`;
    const table = unique('cli_stack_t');
    const dir = sa.dir({ 'c.yaml': stringify({ name, config: { 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, 'connection.password': 'stack-secret-1', topics: table, 'table.name.format': table } }) });
    const before = gateway.seen.length;
    // Act
    const runs = [
      await cli(['connectors', 'apply', '-f', dir, ...STACK]),
      await cli(['connectors', 'list', ...STACK]),
      await cli(['connectors', 'get', name, ...STACK, '-o', 'json']),
      await cli(['connectors', 'status', name, ...STACK]),
      await cli(['connectors', 'pause', name, ...STACK]),
      await cli(['connectors', 'restart', name, '--failed', ...STACK]),
      await cli(['connectors', 'offsets', name, ...STACK]),
      await cli(['plugins', '--all', ...STACK]),
      await cli(['validate', '-f', dir, ...STACK]),
      await cli(['connectors', 'delete', name, ...STACK]),
    ];
    // Assess
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(runs[0]!.stdout).toContain(`connector ${name} created\n`);
    expect(runs[1]!.stdout).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+sink\\s+`, 'm'));
    expect(JSON.parse(runs[2]!.stdout)).toMatchObject({ name, config: { 'connection.password': '[hidden]' } });
    expect(runs[9]!.stdout).toBe(`connector ${name} deleted\n`);
    const requests = gateway.seen.slice(before);
    expect(requests.filter((r) => !r.verdict.ok).map((r) => `${r.method} ${r.rawUrl}: ${JSON.stringify(r.verdict)}`)).toEqual([]);
    expect(new Set(requests.map((r) => r.method))).toEqual(new Set(['GET', 'PUT', 'POST', 'DELETE']));
    expect(requests.map((r) => r.rawUrl)).toEqual(expect.arrayContaining(['/v1/connectors?expand=status&expand=info', '/v1/connector-plugins?connectorsOnly=false', `/v1/connectors/${encodeURIComponent(name)}/restart?includeTasks=true&onlyFailed=true`]));
    for (const r of requests) {
      expect(r.headers['authorization']).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/\\d{8}/${REGION}/execute-api/aws4_request, `));
      expect(r.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
    }
    // A body is signed with its hash (the PUT of the config, the validate call).
    const withBody = requests.filter((r) => r.body.length > 0);
    expect(withBody.length).toBeGreaterThanOrEqual(2);
    for (const r of withBody) expect(r.verdict).toMatchObject({ ok: true, signedHeaders: expect.arrayContaining(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']) });
    expect(cloudformation.commandCalls(DescribeStacksCommand).length).toBe(runs.length);
  });

  it("takes the region from --region over AWS_REGION, and the gateway refuses a signature for another region with the API's message (exit 1)", async () => {
    const run = await cli(['connectors', 'list', ...STACK, '--region', 'us-west-2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('sluice: The request signature we calculated does not match the signature you provided (scope us-west-2/execute-api)\n');
    expect(await cloudformation.commandCalls(DescribeStacksCommand)[0]!.thisValue.config.region()).toBe('us-west-2');
  });

  it('exits 3 naming the problem when the stack has no API URL output or does not exist', async () => {
    // Prepare
    cloudformation.on(DescribeStacksCommand, { StackName: 'not-sluice' }).resolves({ Stacks: [{ StackName: 'not-sluice', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date(0), Outputs: [{ OutputKey: 'BucketName', OutputValue: 'b' }] }] });
    cloudformation.on(DescribeStacksCommand, { StackName: 'gone' }).rejects(Object.assign(new Error('Stack with id gone does not exist'), { name: 'ValidationError' }));
    cloudformation.on(DescribeStacksCommand, { StackName: 'locked' }).rejects(Object.assign(new Error('User: arn:aws:iam::1:user/x is not authorized to perform: cloudformation:DescribeStacks'), { name: 'AccessDenied' }));
    // Act
    const [noOutput, missing, denied] = [await cli(['plugins', '--stack', 'not-sluice']), await cli(['plugins', '--stack', 'gone']), await cli(['plugins', '--stack', 'locked'])];
    // Assess
    expect(noOutput).toEqual({ code: 3, stdout: '', stderr: `sluice: stack not-sluice (${REGION}) has no ConnectApiUrl… output (its outputs: BucketName): is it a Sluice stack?\n` });
    expect(missing).toEqual({ code: 3, stdout: '', stderr: `sluice: stack gone not found in ${REGION}\n` });
    expect(denied.code).toBe(3);
    expect(denied.stderr).toBe(`sluice: cannot read stack locked in ${REGION}: AccessDenied: User: arn:aws:iam::1:user/x is not authorized to perform: cloudformation:DescribeStacks\n`);
  });

  it('exits 3 without credentials or region, before calling CloudFormation', async () => {
    // Prepare: nothing in the environment, no profile files, no instance metadata
    const restore = awsEnv({});
    try {
      // Act
      const noRegion = await cli(['connectors', 'list', ...STACK]);
      const noCredentials = await cli(['connectors', 'list', ...STACK, '--region', REGION]);
      // Assess
      expect(noRegion).toEqual({ code: 3, stdout: '', stderr: 'sluice: no AWS region: pass --region or set AWS_REGION (or a region in your AWS profile)\n' });
      expect(noCredentials.code).toBe(3);
      expect(noCredentials.stderr).toMatch(/^sluice: no AWS credentials: .+ \(set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run aws sso login\)\n$/);
      expect(cloudformation.commandCalls(DescribeStacksCommand)).toEqual([]);
    } finally {
      restore();
      process.env['AWS_REGION'] = REGION;
      Object.assign(process.env, WITH_CREDENTIALS);
    }
  });

  it('refuses --stack with --url, and --region without --stack (exit 2)', async () => {
    const both = await cli(['connectors', 'list', ...STACK, '--url', 'http://127.0.0.1:1']);
    const regionAlone = await cli(['plugins', '--region', REGION]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^sluice: option '--stack <name>' cannot be used with option '--url <url>'/);
    expect(regionAlone).toEqual({ code: 2, stdout: '', stderr: 'sluice: --region goes with --stack\n' });
  });
});
