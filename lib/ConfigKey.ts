// The KMS key that seals password-type config values in the pipeline table (lambdas/runtime/config/sealing.ts): the api
// function may only encrypt with it (it never needs a password back: responses mask them), the task functions may
// only decrypt. Retained on stack deletion, like the table whose sealed values it opens.
import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The environment variable the functions find the key in (lambdas/adapters/aws/configKeyArn.ts). */
export const CONFIG_KEY_ENV = 'SLUICE_CONFIG_KEY_ARN';

export class ConfigKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Sluice: seals password-type connector config values stored in the pipeline table',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The function seals values: kms:Encrypt only. */
  allowSeal(fn: LambdaFunction): void {
    this.grant(fn, 'kms:Encrypt');
  }

  /** The function opens sealed values: kms:Decrypt only. */
  allowOpen(fn: LambdaFunction): void {
    this.grant(fn, 'kms:Decrypt');
  }

  private grant(fn: LambdaFunction, action: string): void {
    fn.addEnvironment(CONFIG_KEY_ENV, this.key.keyArn);
    fn.addToRolePolicy(new PolicyStatement({ sid: action.replace('kms:', 'ConfigKey'), actions: [action], resources: [this.key.keyArn] }));
  }
}
