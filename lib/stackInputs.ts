// The stack's inputs: cdk.json context (`sluice:<key>`) first, then environment variables, then defaults. A missing
// required input fails synth with the names of both places to set it.
export type KafkaAuthMode = 'iam' | 'scram' | 'none';

export interface KafkaConnection {
  /** MSK cluster ARN; give this or bootstrapServers. */
  readonly clusterArn?: string;
  /** Self-managed Kafka bootstrap servers (host:port); used when no clusterArn is given. */
  readonly bootstrapServers?: readonly string[];
  readonly auth: KafkaAuthMode;
  /** Secrets Manager secret holding SASL/SCRAM credentials; required when auth is scram. */
  readonly secretArn?: string;
  /**
   * The customer-managed KMS key that encrypts the SCRAM secret. MSK accepts only SCRAM secrets encrypted with a
   * customer-managed key, so this is required with an MSK cluster and scram; the roles that read the secret get
   * kms:Decrypt on it through Secrets Manager.
   */
  readonly secretKeyArn?: string;
}

export interface NetworkInputs {
  readonly vpcId: string;
  /** Subnets the task functions run in (the cluster's private subnets or ones routed to them). */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

export interface SluiceInputs {
  readonly kafka: KafkaConnection;
  readonly network: NetworkInputs;
  /** Tasks may read secrets whose names start with this (config values `${secretsmanager:...}`). */
  readonly secretPrefix: string;
  /** Email address to subscribe to the alarm topic; no topic when empty. */
  readonly alarmEmail?: string;
  /**
   * Let this stack set the account-wide API Gateway CloudWatch Logs role (AWS::ApiGateway::Account, one per account
   * and Region, shared by every REST API there). Off by default: the account's existing setting is used. When on, the
   * setting is kept when the stack is deleted.
   */
  readonly apiGatewayAccount?: boolean;
  /**
   * AWS Glue schema registries the tasks may find and register written schemas in (the Glue converter); `*`, the
   * default, is every registry of the stack's account and Region. Reading schema versions by id is granted on `*`.
   */
  readonly glueRegistries?: readonly string[];
}

type Lookup = (key: string) => unknown;

const KEYS = {
  clusterArn: ['sluice:mskClusterArn', 'SLUICE_MSK_CLUSTER_ARN'],
  bootstrapServers: ['sluice:bootstrapServers', 'SLUICE_BOOTSTRAP_SERVERS'],
  auth: ['sluice:kafkaAuth', 'SLUICE_KAFKA_AUTH'],
  secretArn: ['sluice:kafkaSecretArn', 'SLUICE_KAFKA_SECRET_ARN'],
  secretKeyArn: ['sluice:kafkaSecretKeyArn', 'SLUICE_KAFKA_SECRET_KEY_ARN'],
  vpcId: ['sluice:vpcId', 'SLUICE_VPC_ID'],
  subnetIds: ['sluice:subnetIds', 'SLUICE_SUBNET_IDS'],
  securityGroupIds: ['sluice:securityGroupIds', 'SLUICE_SECURITY_GROUP_IDS'],
  secretPrefix: ['sluice:secretPrefix', 'SLUICE_SECRET_PREFIX'],
  alarmEmail: ['sluice:alarmEmail', 'SLUICE_ALARM_EMAIL'],
  apiGatewayAccount: ['sluice:apiGatewayAccount', 'SLUICE_API_GATEWAY_ACCOUNT'],
  glueRegistries: ['sluice:glueRegistries', 'SLUICE_GLUE_REGISTRIES'],
} as const;

type Key = keyof typeof KEYS;

function where(key: Key): string {
  const [ctx, env] = KEYS[key];
  return `context ${ctx} (cdk.json or -c) or environment variable ${env}`;
}

export function readSluiceInputs(context: Lookup, env: NodeJS.ProcessEnv): SluiceInputs {
  const raw = (key: Key): string | undefined => {
    const [ctx, name] = KEYS[key];
    const v = context(ctx) ?? env[name];
    if (v === undefined || v === null || v === '') return undefined;
    return Array.isArray(v) ? v.join(',') : String(v);
  };
  const required = (key: Key): string => {
    const v = raw(key);
    if (v === undefined) throw new Error(`Sluice: missing ${key}: set ${where(key)}`);
    return v;
  };
  const list = (key: Key, need: boolean): string[] => {
    const v = need ? required(key) : (raw(key) ?? '');
    return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  };
  const auth = (raw('auth') ?? 'iam') as KafkaAuthMode;
  if (!['iam', 'scram', 'none'].includes(auth)) throw new Error(`Sluice: kafkaAuth must be iam, scram or none, not ${auth} (${where('auth')})`);
  const clusterArn = raw('clusterArn');
  const bootstrapServers = list('bootstrapServers', false);
  if (!clusterArn && bootstrapServers.length === 0) throw new Error(`Sluice: missing clusterArn: set ${where('clusterArn')}, or bootstrapServers for self-managed Kafka (${where('bootstrapServers')})`);
  if (!clusterArn && auth === 'iam') throw new Error('Sluice: kafkaAuth iam needs an MSK cluster (mskClusterArn); use scram or none for self-managed Kafka');
  const secretArn = auth === 'scram' ? required('secretArn') : raw('secretArn');
  // MSK SCRAM secrets must be encrypted with a customer-managed key (MSK developer guide, "Sign-in credentials
  // authentication with AWS Secrets Manager"); self-managed Kafka secrets may use the AWS-managed key.
  const secretKeyArn = auth === 'scram' && clusterArn ? required('secretKeyArn') : raw('secretKeyArn');
  const glueRegistries = list('glueRegistries', false);
  for (const r of glueRegistries) if (r !== '*' && !/^[a-zA-Z0-9-_$#.]{1,255}$/.test(r)) throw new Error(`Sluice: glueRegistries: '${r}' is not a Glue registry name (1 to 255 of letters, digits, -, _, $, # and .) (${where('glueRegistries')})`);
  const alarmEmail = raw('alarmEmail');
  const apiGatewayAccount = raw('apiGatewayAccount');
  if (apiGatewayAccount !== undefined && !['true', 'false'].includes(apiGatewayAccount)) throw new Error(`Sluice: apiGatewayAccount must be true or false, not ${apiGatewayAccount} (${where('apiGatewayAccount')})`);
  return {
    kafka: { auth, ...(clusterArn ? { clusterArn } : { bootstrapServers }), ...(secretArn ? { secretArn } : {}), ...(secretKeyArn ? { secretKeyArn } : {}) },
    network: { vpcId: required('vpcId'), subnetIds: list('subnetIds', true), securityGroupIds: list('securityGroupIds', true) },
    secretPrefix: raw('secretPrefix') ?? 'sluice/',
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(apiGatewayAccount === 'true' ? { apiGatewayAccount: true } : {}),
    ...(glueRegistries.length > 0 ? { glueRegistries } : {}),
  };
}
