// The stack's config key (lib/ConfigKey.ts), named to the api and task functions by SLUICE_CONFIG_KEY_ARN.
export function configKeyArn(env: NodeJS.ProcessEnv): string {
  const keyArn = env['SLUICE_CONFIG_KEY_ARN'];
  if (!keyArn) throw new Error('SLUICE_CONFIG_KEY_ARN is not set: password-type config values are sealed with this KMS key');
  return keyArn;
}
