import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDocpipeContext } from './config/context.js';
import { DocpipeStack } from './docpipe-stack.js';

/** CDK behaviours this app relies on. */
export const FEATURE_FLAGS = {
  // S3 delivers server access logs under a bucket policy, not the LogDeliveryWrite ACL (ACLs stay disabled).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
} as const;

export interface DocpipeApp {
  readonly app: App;
  readonly stack: DocpipeStack;
}

/**
 * The CDK app: one DocpipeStack configured from context values (see infra/config/context.ts), checked by cdk-nag's
 * AwsSolutions rules on every synth: an unacknowledged finding stops it.
 */
export function createDocpipeApp(props: AppProps = {}): DocpipeApp {
  const app = new App({ ...props, context: { ...FEATURE_FLAGS, ...props.context } });
  const settings = readDocpipeContext((key) => app.node.tryGetContext(key) as unknown);
  const stack = new DocpipeStack(app, settings.stackName, {
    ...settings.stack,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'docpipe: document processing pipeline (Step Functions, Lambda, Textract, Comprehend, Bedrock, OpenSearch Serverless)',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
