// The signature check the --stack and proxy tests rely on, checked first against AWS's own worked example (the
// Signature Version 4 signing process in the AWS General Reference: IAM ListUsers signed on 2015-08-30 with the
// documentation's example key), so that an accepting verifier means a signature AWS would accept.
import { describe, expect, it } from 'vitest';
import { type ArrivedRequest, verifySigV4 } from '../../../helpers/sigv4Gateway.js';

const example: ArrivedRequest = {
  method: 'GET',
  rawUrl: '/?Action=ListUsers&Version=2010-05-08',
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: 'iam.amazonaws.com',
    'x-amz-date': '20150830T123600Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
  },
  body: Buffer.alloc(0),
};
const expected = { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, region: 'us-east-1', service: 'iam' };

describe('verifySigV4', () => {
  it("accepts AWS's documented example request", async () => {
    expect(await verifySigV4(example, expected)).toEqual({ ok: true, signedHeaders: ['content-type', 'host', 'x-amz-date'] });
  });

  it('refuses it once anything signed changed: query, path, a header, the body, the region or the key', async () => {
    const changed: ArrivedRequest[] = [
      { ...example, rawUrl: '/?Action=ListUsers&Version=2010-05-09' },
      { ...example, rawUrl: '/v1/?Action=ListUsers&Version=2010-05-08' },
      { ...example, headers: { ...example.headers, 'content-type': 'application/json' } },
      { ...example, method: 'POST' },
      { ...example, body: Buffer.from('{}') },
    ];
    for (const req of changed) expect((await verifySigV4(req, expected)).ok, req.rawUrl).toBe(false);
    expect(await verifySigV4(example, { ...expected, region: 'eu-west-1' })).toEqual({ ok: false, reason: 'scope us-east-1/iam' });
    expect(await verifySigV4(example, { ...expected, credentials: { ...expected.credentials, secretAccessKey: 'other' } })).toEqual({ ok: false, reason: 'signature mismatch' });
  });
});
