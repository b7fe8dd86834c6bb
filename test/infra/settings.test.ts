import { Duration, Stack } from 'aws-cdk-lib';
import { DEFAULT_BEDROCK_MODEL_ID, bedrockInvokeResources, parseBedrockModelId } from '../../infra/access/bedrock-model.js';
import { StageBundling } from '../../infra/bundling/cdk-bundling.js';
import { literalSchemaKeys } from '../../infra/bundling/sdk-schema-keys.js';
import { stageBundleSpec } from '../../infra/bundling/stage-bundle.js';
import { readDocpipeContext } from '../../infra/config/context.js';
import { StageFunction } from '../../infra/constructs/stage-function.js';
import { objectCreatedPattern } from '../../infra/constructs/upload-trigger.js';
import { flattenReference } from '../../infra/nag/findings.js';
import { deploymentAdapters } from '../../infra/stages/adapter-choices.js';
import { stageEntry } from '../../infra/stages/stage-entry.js';
import { STAGE_PROFILES } from '../../infra/stages/stage-profiles.js';

const read = (values: Record<string, unknown>) => (key: string) => values[key];

describe('context values', () => {
  it('leave every setting to its default when none is given', () => {
    expect(readDocpipeContext(read({}))).toEqual({
      stackName: 'Docpipe',
      stack: {
        bedrockModelId: undefined,
        uploadPrefix: undefined,
        classifierEndpointArn: undefined,
        alarmEmail: undefined,
        textractConcurrency: undefined,
        logLevel: undefined,
        searchCollectionName: undefined,
        searchStandbyReplicas: undefined,
      },
    });
  });

  it('read strings from the command line and typed values from cdk.json alike', () => {
    const fromCli = readDocpipeContext(read({ textractConcurrency: '3', searchStandbyReplicas: 'false', logLevel: 'debug', uploadPrefix: 'in/' }));
    const fromJson = readDocpipeContext(read({ textractConcurrency: 3, searchStandbyReplicas: false, logLevel: 'DEBUG', uploadPrefix: 'in/' }));

    expect(fromCli).toEqual(fromJson);
    expect(fromCli.stack).toMatchObject({ textractConcurrency: 3, searchStandbyReplicas: false, logLevel: 'DEBUG', uploadPrefix: 'in/' });
  });

  it('treat a blank optional value as unset', () => {
    expect(readDocpipeContext(read({ classifierEndpointArn: ' ', alarmEmail: '' })).stack).toMatchObject({ classifierEndpointArn: undefined, alarmEmail: undefined });
  });

  it('refuse a malformed value, naming the key', () => {
    expect(() => readDocpipeContext(read({ textractConcurrency: 'many' }))).toThrow(/textractConcurrency/);
    expect(() => readDocpipeContext(read({ searchStandbyReplicas: 'yes' }))).toThrow(/searchStandbyReplicas/);
    expect(() => readDocpipeContext(read({ logLevel: 'LOUD' }))).toThrow(/logLevel/);
    expect(() => readDocpipeContext(read({ stackName: 'my stack' }))).toThrow(/stackName/);
  });
});

describe('Bedrock model ids', () => {
  it('tell a cross-Region inference profile from a foundation model', () => {
    expect(parseBedrockModelId(DEFAULT_BEDROCK_MODEL_ID)).toEqual({
      foundationModelId: 'amazon.nova-lite-v1:0',
      inferenceProfileId: 'us.amazon.nova-lite-v1:0',
      geography: 'us',
    });
    expect(parseBedrockModelId('anthropic.claude-haiku-4-5-20251001-v1:0')).toEqual({ foundationModelId: 'anthropic.claude-haiku-4-5-20251001-v1:0' });
  });

  it('allow a foundation model in this Region only, and a profile\'s model wherever the profile routes', () => {
    const arn = { partition: 'aws', region: 'eu-west-1', account: '123456789012' };

    expect(bedrockInvokeResources(parseBedrockModelId('amazon.nova-lite-v1:0'), arn)).toEqual([
      'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0',
    ]);
    expect(bedrockInvokeResources(parseBedrockModelId('eu.amazon.nova-lite-v1:0'), arn)).toEqual([
      'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0',
      'arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0',
    ]);
  });

  it('refuse ARNs and malformed ids', () => {
    expect(() => parseBedrockModelId('arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc')).toThrow(/bedrockModelId/);
    expect(() => parseBedrockModelId('nova lite')).toThrow(/bedrockModelId/);
  });
});

describe('the upload event pattern', () => {
  it('matches Object Created in the bucket, filtering keys only when a prefix is given', () => {
    expect(objectCreatedPattern('uploads', '')).toEqual({ source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: ['uploads'] } } });
    expect(objectCreatedPattern('uploads', 'in/').detail).toEqual({ bucket: { name: ['uploads'] }, object: { key: [{ prefix: 'in/' }] } });
  });
});

describe('the house Lambda construct', () => {
  const make = (props: { memorySize?: number; timeout?: Duration; reservedConcurrentExecutions?: number }) => () =>
    new StageFunction(new Stack(), 'Stage', {
      stage: 'Ingest',
      entry: stageEntry('Ingest'),
      bundle: stageBundleSpec([], deploymentAdapters({})),
      ...props,
    });

  it('refuses sizes Lambda would refuse, before anything is deployed', () => {
    expect(make({ memorySize: 64 })).toThrow(/memorySize 64/);
    expect(make({ timeout: Duration.minutes(16) })).toThrow(/timeout 960 s/);
    expect(make({ reservedConcurrentExecutions: 0 })).toThrow(/reservedConcurrentExecutions 0/);
  });
});

describe('each stage\'s local bundling', () => {
  it('carries its entry and spec as data, by which CDK tells one stage\'s bundle from another\'s', () => {
    const spec = (state: 'Ingest' | 'Summarise') => stageBundleSpec(STAGE_PROFILES[state].ports, deploymentAdapters({}));
    const ingest = JSON.stringify(new StageBundling(spec('Ingest'), stageEntry('Ingest'), '/repo'));
    const summarise = JSON.stringify(new StageBundling(spec('Summarise'), stageEntry('Summarise'), '/repo'));
    const recordFailure = JSON.stringify(new StageBundling(spec('Ingest'), stageEntry('RecordFailure'), '/repo'));

    expect(ingest).toContain(stageEntry('Ingest'));
    expect(new Set([ingest, summarise, recordFailure]).size).toBe(3);
  });
});

describe('the SDK schema modules as bundled', () => {
  it('name their shared string constants as plain keys, so unused schemas can be left out', () => {
    const source = [
      'const _h = "http";',
      'const _hC = "httpChecksum";',
      'export var GetObject$ = [9, n0, _GO, { [_hC]: "-", [_h]: ["GET", "/{Key+}", 200] }, () => A$];',
      'export var Other$ = [3, n0, _O, { [dynamic]: 1, [_unknown]: 2 }];',
    ].join('\n');

    expect(literalSchemaKeys(source).split('\n').slice(2)).toEqual([
      'export var GetObject$ = [9, n0, _GO, { "httpChecksum": "-", "http": ["GET", "/{Key+}", 200] }, () => A$];',
      'export var Other$ = [3, n0, _O, { [dynamic]: 1, [_unknown]: 2 }];',
    ]);
  });

  it('keep array elements that name a constant as they are', () => {
    const source = 'const _A = "Account";\nexport var S$ = [3, n0, _S, 0, [_A], [0]];';

    expect(literalSchemaKeys(source)).toBe(source);
  });
});

describe('cdk-nag finding names', () => {
  it('flatten references the way cdk-nag prints them', () => {
    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:*::foundation-model/m', { 'Fn::GetAtt': ['Fn1', 'Arn'] }]] };

    expect(flattenReference(arn)).toBe('arn:<AWS::Partition>:bedrock:*::foundation-model/m<Fn1.Arn>');
  });
});
