import { parseRequest, queryObject, searchQuerySchema, executionsQuerySchema, executionNameSchema } from '../../../local/console/api-schemas.js';
import { ConsoleRequestError } from '../../../local/console/http-responses.js';
import { uploadKeyFor } from '../../../local/console/upload-key.js';

const query = (text: string): Record<string, string> => queryObject(new URLSearchParams(text));

describe('reading console API requests', () => {
  it('reads the CLI search filters from query parameters', () => {
    const parsed = parseRequest(searchQuerySchema, query('q=+invoice+&type=invoice&pii=name,EMAIL&pii=phone&from=2026-01-01&page=2&pageSize=5'), 'search');

    expect(parsed).toEqual({ text: 'invoice', documentType: 'invoice', piiTypes: ['NAME', 'EMAIL', 'PHONE'], from: '2026-01-01', page: 2, pageSize: 5 });
  });

  it('treats empty parameters as absent and applies the default page', () => {
    expect(parseRequest(searchQuerySchema, query('q=&type=&from=&pii='), 'search')).toEqual({ page: 1, pageSize: 20 });
  });

  it('refuses an unknown PII type, an unreadable date and a page size over the limit with a 400 naming them', () => {
    const failure = (text: string): ConsoleRequestError => {
      try {
        parseRequest(searchQuerySchema, query(text), 'search');
      } catch (error) {
        if (error instanceof ConsoleRequestError) return error;
      }
      throw new Error('expected a ConsoleRequestError');
    };

    expect(failure('pii=SHOE_SIZE')).toMatchObject({ status: 400, code: 'InvalidRequest', message: expect.stringContaining('SHOE_SIZE') });
    expect(failure('from=yesterday').message).toContain('from');
    expect(failure('pageSize=1000').message).toContain('pageSize');
  });

  it('reads an execution status filter in any case and refuses an unknown one', () => {
    expect(parseRequest(executionsQuerySchema, query('status=failed'), 'executions query')).toEqual({ status: 'FAILED', limit: 200 });
    expect(() => parseRequest(executionsQuerySchema, query('status=LOST'), 'executions query')).toThrow(ConsoleRequestError);
  });

  it('accepts execution names the runner makes and refuses paths', () => {
    expect(parseRequest(executionNameSchema, 'invoice-1-pdf-2ea1f61a', 'execution name')).toBe('invoice-1-pdf-2ea1f61a');
    expect(() => parseRequest(executionNameSchema, '../runtime', 'execution name')).toThrow(ConsoleRequestError);
  });
});

describe('naming an uploaded file', () => {
  it('keeps the base name of the file', () => {
    expect(uploadKeyFor('C:\\Users\\me\\scan 1.pdf')).toBe('scan 1.pdf');
    expect(uploadKeyFor('folder/invoice.pdf')).toBe('invoice.pdf');
  });

  it('drops control characters', () => {
    expect(uploadKeyFor('in\u0000voi\nce.pdf')).toBe('invoice.pdf');
  });

  it('refuses hidden files and names with nothing left', () => {
    expect(() => uploadKeyFor('.env')).toThrow(/Hidden/);
    expect(() => uploadKeyFor('../')).toThrow(/needs a name/);
    expect(() => uploadKeyFor('x'.repeat(1100))).toThrow(/1,024 bytes/);
  });
});
