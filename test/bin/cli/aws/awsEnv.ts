// Fixed AWS credentials in the environment (the SDK's default chain reads them first), and an environment with none
// at all: no keys, no profile files, no container or instance metadata to fall back to.
import { afterAll, beforeAll } from 'vitest';

export const CREDENTIALS = { accessKeyId: 'AKIDSLUICETEST000001', secretAccessKey: 'sluice/test/secret+key/0123456789abcdefghij', sessionToken: 'session-token-for-tests' } as const;

const NO_FALLBACK = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/sluice-test/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/sluice-test/credentials',
};
const CLEARED = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/** Sets `vars` over an environment with no AWS configuration, for the calling test; returns the restore. */
export function awsEnv(vars: Readonly<Record<string, string>>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const k of [...CLEARED, ...Object.keys(NO_FALLBACK), ...Object.keys(vars)]) if (!saved.has(k)) saved.set(k, process.env[k]);
  for (const k of CLEARED) delete process.env[k];
  Object.assign(process.env, NO_FALLBACK, vars);
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export const WITH_CREDENTIALS = { AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey, AWS_SESSION_TOKEN: CREDENTIALS.sessionToken };

/** The fixed credentials for every test of the file. */
export function fixedCredentialsForTests(extra: Readonly<Record<string, string>> = {}): void {
  let restore: (() => void) | undefined;
  beforeAll(() => {
    restore = awsEnv({ ...WITH_CREDENTIALS, ...extra });
  });
  afterAll(() => restore?.());
}
