// `sluice connectors …`, `sluice plugins`, `sluice validate`: Kafka Connect's REST API from the command line, parsed
// by commander (every command has --help; a mistyped command or option gets the nearest one). The target is --url
// (standalone or any Kafka Connect) or --stack (a deployed stack, every request SigV4-signed). Exit codes: 0 ok,
// 1 the API answered with an error (its message printed) or could not be reached, 2 a command line or file the CLI
// cannot use, 3 the --stack target cannot be used (no AWS region or credentials, no such stack, no API URL output).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { resolveStack } from '../aws/stackTarget.js';
import { TargetError } from '../aws/TargetError.js';
import { signingFetch } from '../aws/RequestSigner.js';
import type { LocalRoutes } from '../proxy/proxyHandler.js';
import { DEFAULT_PROXY_BIND, DEFAULT_PROXY_PORT, type ProxyHandle, startProxy } from '../proxy/startProxy.js';
import { UsageError } from '../UsageError.js';
import { applyOne, renderResult } from './apply.js';
import { ApiError, ConnectClient, seg } from './ConnectClient.js';
import { OUTPUT_FORMATS, type OutputFormat, render } from './format.js';
import { readConfigs } from './readConfigs.js';
import { type ConfigInfos, keyErrors, validateConfig } from './validation.js';
import { type ConnectorInfo, type ConnectorStatus, type ExpandedList, infoTable, listTable, type Offsets, offsetsTable, type PluginInfo, pluginsTable, statusTable } from './views.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The HTTP client (tests may wrap it); fetch by default. */
  readonly fetch?: typeof fetch;
  /** What `sluice proxy` answers itself (the web console at /ui). */
  readonly localRoutes?: LocalRoutes;
  /** `sluice proxy` is listening: the caller keeps it running until it stops it. */
  started?(proxy: ProxyHandle): void;
}

export const EXIT = { ok: 0, api: 1, usage: 2, target: 3 } as const;

export const DEFAULT_URL = 'http://127.0.0.1:8083';

interface TargetOptions {
  readonly url: string;
  readonly stack?: string;
  readonly region?: string;
  readonly output: OutputFormat;
}

/** --url, --stack, --region and -o on every command, so each command's --help lists them. */
function withTarget(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'the Kafka Connect REST API (standalone or any Kafka Connect)', DEFAULT_URL)
    .addOption(new Option('--stack <name>', "a deployed Sluice stack: the API URL from its outputs, requests SigV4-signed with the AWS SDK's default credentials").conflicts('url'))
    .option('--region <region>', "the stack's region (default: AWS_REGION or the AWS profile's)")
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('table'));
}

export async function runConnectCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command('sluice')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`sluice: ${s.replace(/^error: /, '')}`) })
    .showHelpAfterError('(add --help for usage)');

  /** The client a command talks to: --url as it is, or --stack's API URL with every request signed. */
  const clientOf = async (cmd: Command): Promise<{ client: ConnectClient; opts: TargetOptions }> => {
    const opts = cmd.opts<TargetOptions>();
    if (opts.region !== undefined && opts.stack === undefined) throw new UsageError('--region goes with --stack');
    if (opts.stack === undefined) return { client: new ConnectClient(opts.url, io.fetch), opts };
    const target = await resolveStack(opts.stack, opts.region !== undefined ? { region: opts.region } : {});
    return { client: new ConnectClient(target.url, signingFetch(target.signer, io.fetch)), opts };
  };
  const print = (format: OutputFormat, data: unknown, table: Parameters<typeof render>[2]) => io.stdout(render(format, data, table));
  const done = (format: OutputFormat, name: string, action: string) =>
    io.stdout(format === 'table' ? `connector ${name} ${action}\n` : render(format, { name, action }, () => ({ headers: [], rows: [] })));

  const connectors = program.command('connectors').description('list, inspect, apply and operate connectors');

  withTarget(connectors.command('list').description('every connector with its type, state, running tasks and class')).action(async (_o, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    const list = (await client.request<ExpandedList>('GET', '/connectors?expand=status&expand=info')) ?? {};
    print(opts.output, list, () => listTable(list));
  });
  withTarget(connectors.command('get').argument('<name>').description("a connector's config and tasks (passwords shown as [hidden])")).action(async (name: string, _o, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    const info = (await client.request<ConnectorInfo>('GET', `/connectors/${seg(name)}`))!;
    print(opts.output, info, () => infoTable(info));
  });
  withTarget(connectors.command('status').argument('<name>').description('the state of a connector and its tasks, with the first line of a failure')).action(async (name: string, _o, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    const status = (await client.request<ConnectorStatus>('GET', `/connectors/${seg(name)}/status`))!;
    print(opts.output, status, () => statusTable(status));
  });
  withTarget(
    connectors
      .command('apply')
      .description('create or update connectors from a JSON or YAML file, or every such file of a folder; prints what changed')
      .requiredOption('-f, --file <path>', 'a .json/.yaml/.yml file, or a folder of them')
      .option('--dry-run', 'validate and show what would change, without applying')
      .option('--force', 'send the config even when no visible key changed (e.g. only a password did)'),
  ).action(async (o: { file: string; dryRun?: boolean; force?: boolean }, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    const files = readConfigs(o.file);
    const results = [];
    for (const file of files) {
      const result = await applyOne(client, file, { dryRun: o.dryRun === true, force: o.force === true });
      if (opts.output === 'table') io.stdout(renderResult(result));
      results.push(result);
    }
    if (opts.output !== 'table') print(opts.output, results, () => ({ headers: [], rows: [] }));
  });
  withTarget(connectors.command('delete').argument('<name>').description('delete a connector')).action(async (name: string, _o, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    await client.request('DELETE', `/connectors/${seg(name)}`);
    done(opts.output, name, 'deleted');
  });
  for (const [verb, action, text] of [
    ['pause', 'paused', 'pause a connector and its tasks'],
    ['resume', 'resumed', 'resume a paused or stopped connector'],
    ['stop', 'stopped', 'stop a connector (its offsets can then be reset)'],
  ] as const) {
    withTarget(connectors.command(verb).argument('<name>').description(text)).action(async (name: string, _o, cmd: Command) => {
      const { client, opts } = await clientOf(cmd);
      await client.request('PUT', `/connectors/${seg(name)}/${verb}`);
      done(opts.output, name, action);
    });
  }
  withTarget(connectors.command('restart').argument('<name>').description('restart a connector and its tasks').option('--failed', 'only the failed ones')).action(
    async (name: string, o: { failed?: boolean }, cmd: Command) => {
      const { client, opts } = await clientOf(cmd);
      const state = await client.request<ConnectorStatus>('POST', `/connectors/${seg(name)}/restart?includeTasks=true&onlyFailed=${o.failed === true}`);
      if (state === undefined) done(opts.output, name, 'restarted');
      else print(opts.output, state, () => statusTable(state));
    },
  );
  withTarget(connectors.command('offsets').argument('<name>').description("a connector's offsets").option('--reset', 'reset them (the connector must be stopped)')).action(
    async (name: string, o: { reset?: boolean }, cmd: Command) => {
      const { client, opts } = await clientOf(cmd);
      if (o.reset) {
        const answer = (await client.request<{ message: string }>('DELETE', `/connectors/${seg(name)}/offsets`)) ?? { message: `offsets of ${name} reset` };
        io.stdout(opts.output === 'table' ? `${answer.message}\n` : render(opts.output, answer, () => ({ headers: [], rows: [] })));
        return;
      }
      const offsets = (await client.request<Offsets>('GET', `/connectors/${seg(name)}/offsets`))!;
      print(opts.output, offsets, () => offsetsTable(offsets));
    },
  );

  withTarget(program.command('plugins').description('the connector plugins the server offers').option('--all', 'also converters, transformations and predicates')).action(
    async (o: { all?: boolean }, cmd: Command) => {
      const { client, opts } = await clientOf(cmd);
      const plugins = (await client.request<PluginInfo[]>('GET', `/connector-plugins${o.all ? '?connectorsOnly=false' : ''}`)) ?? [];
      print(opts.output, plugins, () => pluginsTable(plugins));
    },
  );
  withTarget(
    program
      .command('validate')
      .description("check connector configs with the server's validate endpoint; exit 1 when a key is invalid")
      .requiredOption('-f, --file <path>', 'a .json/.yaml/.yml file, or a folder of them'),
  ).action(async (o: { file: string }, cmd: Command) => {
    const { client, opts } = await clientOf(cmd);
    const all: ConfigInfos[] = [];
    for (const file of readConfigs(o.file)) {
      const infos = await validateConfig(client, file);
      all.push(infos);
      if (opts.output !== 'table') continue;
      io.stdout(`connector ${file.name}: ${infos.error_count === 0 ? 'valid' : `${infos.error_count} invalid value(s)`}\n`);
      if (infos.error_count > 0) io.stdout(render('table', infos, () => ({ headers: ['KEY', 'ERROR'], rows: keyErrors(infos).map((e) => [e.key, e.error]) })));
    }
    if (opts.output !== 'table') print(opts.output, all.length === 1 ? all[0] : all, () => ({ headers: [], rows: [] }));
    const invalid = all.filter((i) => i.error_count > 0).length;
    if (invalid > 0) {
      io.stderr(`sluice: ${invalid} of ${all.length} connector config(s) not valid\n`);
      code = 1;
    }
  });

  program
    .command('proxy')
    .description('a local, unsigned Kafka Connect REST API for kcctl, Terraform, Kafka UI or curl: every request is signed and sent to the stack')
    .requiredOption('--stack <name>', 'the deployed Sluice stack to forward to')
    .option('--region <region>', "the stack's region (default: AWS_REGION or the AWS profile's)")
    .option('--port <port>', 'the local port', portNumber, DEFAULT_PROXY_PORT)
    .option('--bind <address>', 'the local address to listen on', DEFAULT_PROXY_BIND)
    .option('--allow-remote', 'allow a --bind address other hosts can reach (they would act with your AWS credentials)')
    .action(async (o: { stack: string; region?: string; port: number; bind: string; allowRemote?: boolean }) => {
      const target = await resolveStack(o.stack, o.region !== undefined ? { region: o.region } : {});
      const proxy = await startProxy({
        upstream: target.url,
        signer: target.signer,
        port: o.port,
        bind: o.bind,
        allowRemote: o.allowRemote === true,
        log: (line) => io.stderr(`${line}\n`),
        ...(io.localRoutes ? { localRoutes: io.localRoutes } : {}),
      });
      io.stdout(`sluice proxy: ${proxy.url} -> ${target.url} (stack ${target.stack}, ${target.region}), requests signed with SigV4\n`);
      io.started?.(proxy);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    const code = e instanceof UsageError ? EXIT.usage : e instanceof ApiError ? EXIT.api : e instanceof TargetError ? EXIT.target : undefined;
    if (code === undefined) throw e;
    io.stderr(`sluice: ${(e as Error).message}\n`);
    return code;
  }
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('a port is 0 to 65535');
  return port;
}
