import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { startConsole } from '../../local/console/console-server.js';
import { loadStageConfig } from '../../shared/config.js';
import { ConfigurationError } from '../../shared/errors.js';
import { textPdf } from '../../fixtures/bad/build/pdf-cases.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/** This machine's addresses other than loopback, where nothing of docpipe may answer. */
const outsideAddresses = Object.values(networkInterfaces())
  .flatMap((entries) => entries ?? [])
  .filter((entry) => !entry.internal && entry.family === 'IPv4')
  .map((entry) => entry.address);

/** Whether a TCP connection to host:port is accepted (refused, or no answer within 2 s, counts as no). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

/** The local runtime stays on this machine, and its size and page limits are settings with clear errors. */
describe('boundaries', () => {
  describe('listening addresses', () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await startTestRuntime();
    });
    afterAll(async () => t?.stop());

    it('runs the local S3 on 127.0.0.1 only', async () => {
      const address = t.runtime.services.s3.httpServer?.address() as AddressInfo | null | undefined;

      expect(address?.address).toBe('127.0.0.1');
      expect(new URL(t.runtime.services.s3Endpoint).hostname).toBe('127.0.0.1');
      expect(await accepts('127.0.0.1', portOf(t.runtime.services.s3Endpoint))).toBe(true);
      for (const outside of outsideAddresses) {
        expect(await accepts(outside, portOf(t.runtime.services.s3Endpoint))).toBe(false);
      }
    });

    it('runs the local DynamoDB on 127.0.0.1 only', async () => {
      const port = portOf(t.runtime.services.dynamoEndpoint);

      expect(new URL(t.runtime.services.dynamoEndpoint).hostname).toBe('127.0.0.1');
      expect(await accepts('127.0.0.1', port)).toBe(true);
      for (const outside of outsideAddresses) expect(await accepts(outside, port)).toBe(false);
    });

    it('runs the web console on 127.0.0.1 only', async () => {
      const console = await startConsole({ runtime: t.runtime, port: 0 });
      try {
        expect(console.host).toBe('127.0.0.1');
        expect(await accepts('127.0.0.1', console.port)).toBe(true);
        for (const outside of outsideAddresses) expect(await accepts(outside, console.port)).toBe(false);
      } finally {
        await console.close();
      }
    });
  });

  describe('size and page limits', () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await startTestRuntime({ env: { DOCPIPE_MAX_BYTES: '4096', DOCPIPE_MAX_PAGES: '2' } });
    });
    afterAll(async () => t?.stop());

    it('refuses a file over DOCPIPE_MAX_BYTES, naming its size, the limit and the setting', async () => {
      const upload = await t.upload('limits/long.txt', 'The ferry timetable changes in October. '.repeat(200));

      expect(upload.status).toBe('FAILED');
      expect(upload.error).toBe('InvalidDocumentError');
      expect(upload.reason).toBe('The file is 7.8 KiB, over the 4.0 KiB limit (setting DOCPIPE_MAX_BYTES)');
    });

    it('refuses a PDF over DOCPIPE_MAX_PAGES, naming its pages, the limit and the setting', async () => {
      const pdf = await textPdf(['Ferry timetable, spring.', 'Ferry timetable, summer.', 'Ferry timetable, autumn.']);

      const upload = await t.upload('limits/three-pages.pdf', pdf);

      expect(upload.status).toBe('FAILED');
      expect(upload.error).toBe('PageLimitExceededError');
      expect(upload.reason).toBe('PDF has 3 pages, over the limit of 2 (setting DOCPIPE_MAX_PAGES)');
    });

    it('refuses text with more form-feed pages than DOCPIPE_MAX_PAGES', async () => {
      const upload = await t.upload('limits/three-pages.txt', 'First page of minutes.\fSecond page of minutes.\fThird page of minutes.');

      expect(upload.status).toBe('FAILED');
      expect(upload.reason).toBe('Text has 3 pages (form feeds), over the limit of 2 (setting DOCPIPE_MAX_PAGES)');
    });

    it('processes a document within both limits', async () => {
      const upload = await t.upload('limits/short.txt', 'The ferry leaves at nine on weekdays and at ten on Sundays.');

      expect(upload.status).toBe('SUCCEEDED');
    });
  });

  describe('malformed limit settings', () => {
    const required = { DOCPIPE_TABLE_NAME: 'documents', DOCPIPE_DERIVED_BUCKET: 'derived' };

    it.each([
      ['DOCPIPE_MAX_BYTES', '50MB'],
      ['DOCPIPE_MAX_BYTES', '0'],
      ['DOCPIPE_MAX_PAGES', '-3'],
      ['DOCPIPE_MAX_PAGES', '2.5'],
    ])('refuses %s=%s at start-up, naming the setting', (name, value) => {
      const load = () => loadStageConfig({ ...required, [name]: value });

      expect(load).toThrow(ConfigurationError);
      expect(load).toThrow(new RegExp(`${name}: `));
    });
  });
});
