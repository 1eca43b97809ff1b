// Every AWS name Sluice derives from a pipeline name, in one place. Pipeline names are Kafka Connect names: up to 255
// characters of anything (spaces, unicode); each AWS API takes a shorter, narrower name. Each function below returns
// the readable form when the API accepts it, else a sanitized readable prefix plus a short hash of the exact pipeline
// name (and topic): deterministic, so the controller, the standalone emulators and the API derive the same names.
// test/runtime/awsNames.test.ts checks every output against AWS_NAME_CONSTRAINTS over arbitrary names (fast-check).
import { createHash } from 'node:crypto';

/** A documented constraint of one request parameter (length in characters, pattern matched in full). */
export interface NameConstraint {
  readonly api: string;
  readonly parameter: string;
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  readonly doc: string;
}

/** The parameters Sluice fills from a pipeline name, with their documented constraints (AWS API references). */
export const AWS_NAME_CONSTRAINTS = {
  aliasName: {
    api: 'lambda:CreateAlias',
    parameter: 'Name',
    min: 1,
    max: 128,
    pattern: /^(?!^[0-9]+$)([a-zA-Z0-9\-_]+)$/,
    doc: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html',
  },
  esmFunctionName: {
    api: 'lambda:CreateEventSourceMapping',
    parameter: 'FunctionName',
    min: 1,
    max: 140,
    pattern: /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9\-_]+)(:(\$LATEST|[a-zA-Z0-9\-_]+))?$/,
    doc: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
  },
  consumerGroupId: {
    api: 'lambda:CreateEventSourceMapping',
    parameter: 'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId (and SelfManagedKafkaEventSourceConfig.ConsumerGroupId)',
    min: 1,
    max: 200,
    pattern: /^[a-zA-Z0-9\-/*:_+=.@]*$/,
    doc: 'https://docs.aws.amazon.com/lambda/latest/api/API_AmazonManagedKafkaEventSourceConfig.html',
  },
  scheduleName: {
    api: 'scheduler:CreateSchedule',
    parameter: 'Name',
    min: 1,
    max: 64,
    pattern: /^[0-9a-zA-Z\-_.]+$/,
    doc: 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html',
  },
} as const satisfies Record<string, NameConstraint>;

export function satisfies(constraint: NameConstraint, value: string): boolean {
  return value.length >= constraint.min && value.length <= constraint.max && constraint.pattern.test(value);
}

/**
 * The longest sink function ARN the alias budget allows for: the standard `aws` partition, a region name of at most 14
 * characters (e.g. ap-southeast-2), and a function name of at most 64 (Lambda's limit; CloudFormation's generated names
 * stay within it). The alias ARN (function ARN + ':' + alias) must fit CreateEventSourceMapping's 140 characters.
 */
export const MAX_FUNCTION_ARN_LENGTH = 'arn:aws:lambda:'.length + 14 + 1 + 12 + 1 + 'function:'.length + 64;
/** 23 characters: `p-` and a name of at most 21, or `h-`, 10 readable characters, `-` and a 10-hex-digit hash. */
export const ALIAS_MAX_LENGTH = AWS_NAME_CONSTRAINTS.esmFunctionName.max - MAX_FUNCTION_ARN_LENGTH - 1;

const ALIAS_SAFE = /^[A-Za-z0-9_-]+$/;
const CONNECT_GROUP_PREFIX = 'connect-';

function hash(length: number, ...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, length);
}

/** The name with accents dropped and every character outside `allowed` replaced by `_`, cut to `max`. */
function readable(name: string, allowed: RegExp, max: number): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return [...plain]
    .map((c) => (allowed.test(c) ? c : '_'))
    .join('')
    .slice(0, max);
}

/** The Lambda alias on the sink function that identifies the pipeline: `p-<name>`, or `h-<prefix>-<hash>`. */
export function aliasName(pipeline: string): string {
  if (ALIAS_SAFE.test(pipeline) && pipeline.length <= ALIAS_MAX_LENGTH - 2) return `p-${pipeline}`;
  const hashLength = 10;
  return `h-${readable(pipeline, /[A-Za-z0-9_-]/, ALIAS_MAX_LENGTH - 3 - hashLength)}-${hash(hashLength, pipeline)}`;
}

/** The pipeline a `p-` alias names (reversible), or undefined for a hashed alias (the store maps it back). */
export function pipelineOfPlainAlias(alias: string): string | undefined {
  const name = alias.slice(2);
  return alias.startsWith('p-') && ALIAS_SAFE.test(name) ? name : undefined;
}

/** Whether an alias is one Sluice makes for a pipeline (`p-…` or `h-…`), as opposed to one the stack owns. */
export function isPipelineAlias(alias: string): boolean {
  return /^[ph]-/.test(alias);
}

/** The alias's ARN: CreateEventSourceMapping's FunctionName for the pipeline's mappings. */
export function aliasArn(functionArn: string, alias: string): string {
  return `${functionArn}:${alias}`;
}

/** The EventBridge Scheduler schedule of a source pipeline: `p-<name>`, or `h-<prefix>-<hash>`. */
export function scheduleName(pipeline: string): string {
  const max = AWS_NAME_CONSTRAINTS.scheduleName.max;
  if (ALIAS_SAFE.test(pipeline) && pipeline.length <= max - 2) return `p-${pipeline}`;
  const hashLength = 12;
  return `h-${readable(pipeline, /[0-9a-zA-Z_.-]/, max - 3 - hashLength)}-${hash(hashLength, pipeline)}`;
}

const GROUP_CHAR = /[a-zA-Z0-9\-/*:_+=.@]/;

/**
 * Kafka Connect's sink consumer group, `connect-<name>`, when the ESM accepts it; else `connect-<prefix>-<hash>`.
 * `topic` (a pipeline with several topics, one ESM each: group ids must be unique among all Kafka ESMs) gives
 * `connect-<name>-<topic>`, or `connect-<prefix>-<topic prefix>-<hash of both>`.
 */
export function consumerGroupId(pipeline: string, topic?: string): string {
  const { max } = AWS_NAME_CONSTRAINTS.consumerGroupId;
  const plain = topic === undefined ? `${CONNECT_GROUP_PREFIX}${pipeline}` : `${CONNECT_GROUP_PREFIX}${pipeline}-${topic}`;
  if (satisfies(AWS_NAME_CONSTRAINTS.consumerGroupId, plain)) return plain;
  const hashLength = 12;
  const room = max - CONNECT_GROUP_PREFIX.length - hashLength - 1;
  if (topic === undefined) return `${CONNECT_GROUP_PREFIX}${readable(pipeline, GROUP_CHAR, room)}-${hash(hashLength, pipeline)}`;
  const namePart = readable(pipeline, GROUP_CHAR, Math.floor(room / 2) - 1);
  const topicPart = readable(topic, GROUP_CHAR, room - namePart.length - 1);
  return `${CONNECT_GROUP_PREFIX}${namePart}-${topicPart}-${hash(hashLength, pipeline, topic)}`;
}

/** What status shows: the AWS names of a pipeline's resources. */
export interface AwsNames {
  readonly lambda_alias?: string;
  readonly consumer_groups?: Readonly<Record<string, string>>;
  readonly schedule?: string;
}

/** The names a sink (with its topics, one group per topic when several) or a source pipeline gets. */
export function awsNamesOf(pipeline: string, type: 'sink' | 'source' | 'unknown', topics: readonly string[]): AwsNames {
  if (type === 'source') return { schedule: scheduleName(pipeline) };
  if (type !== 'sink') return {};
  const groups = Object.fromEntries(topics.map((t) => [t, topics.length === 1 ? consumerGroupId(pipeline) : consumerGroupId(pipeline, t)]));
  return { lambda_alias: aliasName(pipeline), consumer_groups: groups };
}
