import { Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { createDocpipeApp } from '../../infra/create-app.js';

/** Every acknowledgement recorded in the construct tree: rule id, reason and where. */
function acknowledgements(root: IConstruct): { id: string; reason: string; path: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ id: id.replace(/^annotation::/i, ''), reason, path: construct.node.path })),
      ),
  );
}

describe.each([
  ['default settings', {}],
  ['every context value set', { uploadPrefix: 'incoming/', classifierEndpointArn: 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier-endpoint/doc-types', alarmEmail: 'ops@example.com', bedrockModelId: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0' }],
])('cdk-nag AwsSolutions checks of the stack with %s', (_name, context) => {
  // cdk-nag reads the construct tree, so no template is needed (the stages are not bundled either).
  const { app, stack } = createDocpipeApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } });

  it('leave no finding unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(app);

    const findings = report.violations.map((violation) => `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });

  it('acknowledge each finding with a specific reason', () => {
    const acknowledged = acknowledgements(app);

    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason, path } of acknowledged) {
      expect({ id, path, reason: reason.length >= 60 }).toEqual({ id, path, reason: true });
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
    }
  });

  it('acknowledge wildcard permissions one by one, never a whole rule', () => {
    const blanket = acknowledgements(app).filter(({ id }) => id === 'AwsSolutions-IAM5');
    expect(blanket).toEqual([]);
  });

  // Runs last: it adds to the stack.
  it('still report what nobody acknowledged (a bucket added without logging or TLS)', () => {
    new Bucket(stack, 'Unreviewed');

    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((violation) => violation.ruleName);

    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
