// The MSK IAM SASL provider loads AWS's signer on first use (it stays out of the bundle's startup files) and signs a
// token locally from the credentials in the environment, as Lambda provides them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mskIamSasl } from '../../../lambdas/adapters/kafka/mskIam.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('mskIamSasl', () => {
  it('signs an OAUTHBEARER token with the lazily imported AWS signer', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');
    const sasl = mskIamSasl('eu-west-1');
    if (sasl.mechanism !== 'oauthbearer') throw new Error(`mechanism ${sasl.mechanism}`);
    const { value } = await sasl.oauthBearerProvider();
    // The token is the base64url of a presigned kafka-cluster:Connect URL for the region (AWS's signer format).
    const url = Buffer.from(value, 'base64url').toString('utf8');
    expect(url).toMatch(/^https:\/\/kafka\.eu-west-1\.amazonaws\.com\/\?Action=kafka-cluster%3AConnect&/);
    expect(url).toContain('X-Amz-Credential=AKIDEXAMPLE');
  });

  it('uses the signer it is given', async () => {
    const sasl = mskIamSasl('eu-west-1', async () => ({ token: 't', expiryTime: 0 }));
    if (sasl.mechanism !== 'oauthbearer') throw new Error(`mechanism ${sasl.mechanism}`);
    expect(await sasl.oauthBearerProvider()).toEqual({ value: 't' });
  });
});
