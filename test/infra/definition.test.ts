import { Match } from 'aws-cdk-lib/assertions';
import aslValidator from 'asl-validator';
import { placeholderFor, readDefinitionTemplate, renderDefinition } from '../../shared/runtime/definition.js';
import { TASK_STATE_NAMES } from '../../shared/runtime/task-names.js';
import { logicalIdOf, synthDocpipe, type SynthesisedDocpipe } from './synth-docpipe.js';

/** A function ARN standing in for a function's `Fn::GetAtt [id, Arn]`. */
const arnFor = (logicalId: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${logicalId}`;

/** A CloudFormation value with each `Fn::GetAtt ... Arn` replaced by a function ARN and `Fn::Join` joined. */
function resolveValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  const join = node['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(resolveValue).join(join[0]);
  const getAtt = node['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt && getAtt[1] === 'Arn') return arnFor(getAtt[0]);
  throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
}

describe('the deployed state machine definition', () => {
  let synth: SynthesisedDocpipe;
  let properties: { DefinitionString: unknown; DefinitionSubstitutions: Record<string, unknown> };
  beforeAll(() => {
    synth = synthDocpipe();
    const [stateMachine] = Object.values(synth.template.findResources('AWS::StepFunctions::StateMachine'));
    properties = stateMachine?.Properties;
  });

  it('is the definition file, placed inline rather than as an S3 asset', () => {
    expect(resolveValue(properties.DefinitionString)).toBe(readDefinitionTemplate());
    synth.template.hasResourceProperties('AWS::StepFunctions::StateMachine', { DefinitionS3Location: Match.absent() });
  });

  it('substitutes each placeholder with its own stage function', () => {
    const expected = Object.fromEntries(
      TASK_STATE_NAMES.map((state) => [placeholderFor(state), { 'Fn::GetAtt': [logicalIdOf(synth.stack, synth.stack.stages[state].lambda), 'Arn'] }]),
    );
    expect(properties.DefinitionSubstitutions).toEqual(expected);
  });

  it('renders to the file with only the placeholders replaced by function ARNs', () => {
    const substitutions = Object.fromEntries(Object.entries(properties.DefinitionSubstitutions).map(([name, value]) => [name, resolveValue(value)]));
    const byState = Object.fromEntries(
      TASK_STATE_NAMES.map((state) => [placeholderFor(state), arnFor(logicalIdOf(synth.stack, synth.stack.stages[state].lambda))]),
    );

    const rendered = renderDefinition(resolveValue(properties.DefinitionString), substitutions);

    expect(rendered).toBe(renderDefinition(readDefinitionTemplate(), byState));
    expect(rendered).not.toMatch(/\$\{/);
  });

  it('renders to a valid Amazon States Language definition', () => {
    const substitutions = Object.fromEntries(Object.entries(properties.DefinitionSubstitutions).map(([name, value]) => [name, resolveValue(value)]));
    const definition: unknown = JSON.parse(renderDefinition(resolveValue(properties.DefinitionString), substitutions));

    const result = aslValidator(definition, { checkPaths: true, checkArn: true });

    expect(result.errorsText()).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('is found invalid by the validator when a Task state loses its resource', () => {
    const broken = JSON.parse(renderDefinition(readDefinitionTemplate(), Object.fromEntries(TASK_STATE_NAMES.map((s) => [placeholderFor(s), arnFor(s)])))) as {
      States: Record<string, Record<string, unknown>>;
    };
    delete broken.States.Ingest?.Resource;

    expect(aslValidator(broken).isValid).toBe(false);
  });
});
