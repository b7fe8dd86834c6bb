import { CfnElement, type App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createDocpipeApp } from '../../infra/create-app.js';
import type { DocpipeStack } from '../../infra/docpipe-stack.js';
import type { IConstruct } from 'constructs';

export interface SynthesisedDocpipe {
  readonly app: App;
  readonly stack: DocpipeStack;
  readonly template: Template;
}

/** The app as `cdk synth` builds it (cdk-nag included), with the given context values and without bundling the stages. */
export function synthDocpipe(context: Record<string, unknown> = {}): SynthesisedDocpipe {
  const { app, stack } = createDocpipeApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return { app, stack, template: Template.fromStack(stack) };
}

/** A resource's logical id, found by its construct (an L2 construct or the CloudFormation resource itself). */
export function logicalIdOf(stack: DocpipeStack, construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (!CfnElement.isCfnElement(element)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return stack.getLogicalId(element);
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

/** The IAM policy statements attached to a role (its default policy), with actions as arrays. */
export function statementsOfRole(template: Template, roleLogicalId: string): { Action: string[]; Resource: unknown }[] {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((resource) => JSON.stringify(resource.Properties?.Roles ?? []).includes(`"${roleLogicalId}"`))
    .flatMap((resource) => (resource.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
    .map((statement) => ({ Action: ([] as string[]).concat(statement.Action), Resource: statement.Resource }));
}

/** Every IAM action granted to a role. */
export function actionsOfRole(template: Template, roleLogicalId: string): string[] {
  return [...new Set(statementsOfRole(template, roleLogicalId).flatMap((statement) => statement.Action))].sort();
}
