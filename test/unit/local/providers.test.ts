import { createS3Client } from '../../../shared/aws/clients.js';
import { hybridAdapterOverrides } from '../../../local/providers.js';

describe('hybrid runs with the AWS AI services', () => {
  it('uses Textract, Comprehend and Bedrock by default and keeps search local', () => {
    const overrides = hybridAdapterOverrides({ AWS_REGION: 'us-east-1' });

    expect(Object.keys(overrides).sort()).toEqual(['piiDetector', 'summariser', 'textExtractor']);
  });

  it('lets settings in the environment choose otherwise', () => {
    const overrides = hybridAdapterOverrides({ AWS_REGION: 'us-east-1', DOCPIPE_SUMMARISER: 'embedded', DOCPIPE_PII_DETECTOR: 'embedded' });

    expect(Object.keys(overrides)).toEqual(['textExtractor']);
  });
});

describe('SDK clients on the local emulators', () => {
  it('sign with the emulator key pair on a loopback endpoint and keep the caller credentials elsewhere', async () => {
    const local = createS3Client({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569' });
    const remote = createS3Client({});

    const credentials = await (local.config.credentials as () => Promise<{ accessKeyId: string }>)();

    expect(credentials.accessKeyId).toBe('S3RVER');
    expect(await local.config.forcePathStyle).toBe(true);
    expect(await remote.config.forcePathStyle).toBe(false);
    local.destroy();
    remote.destroy();
  });
});
