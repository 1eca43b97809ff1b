// The key policies of the KMS keys a synthesized template creates, made concrete and by key ARN: a call on one of the
// stack's own keys is simulated against the key policy CDK wrote, not an assumed default one.
import type { Template } from 'aws-cdk-lib/assertions';
import type { Concrete } from './concrete.js';
import type { PolicyDocument } from './rolePolicies.js';

export function keyPolicies(template: Template, concrete: Concrete): Record<string, PolicyDocument> {
  const resources = (template.toJSON() as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }).Resources;
  return Object.fromEntries(
    Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::KMS::Key')
      .map(([id, r]) => [concrete.getAtt(id, 'Arn'), concrete.deep(r.Properties?.['KeyPolicy']) as PolicyDocument]),
  );
}
