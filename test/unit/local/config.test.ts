import { loadStageConfig } from '../../../shared/config.js';
import { ConfigurationError } from '../../../shared/errors.js';

describe('stage configuration', () => {
  it('fails fast naming a missing required variable', () => {
    expect(() => loadStageConfig({ DOCPIPE_DERIVED_BUCKET: 'b' })).toThrow(ConfigurationError);
    expect(() => loadStageConfig({ DOCPIPE_DERIVED_BUCKET: 'b' })).toThrow(/DOCPIPE_TABLE_NAME/);
  });

  it('rejects a malformed limit, naming it', () => {
    expect(() => loadStageConfig({ DOCPIPE_TABLE_NAME: 't', DOCPIPE_DERIVED_BUCKET: 'b', DOCPIPE_MAX_PAGES: 'many' })).toThrow(/DOCPIPE_MAX_PAGES/);
  });

  it('applies documented defaults for limits', () => {
    const config = loadStageConfig({ DOCPIPE_TABLE_NAME: 't', DOCPIPE_DERIVED_BUCKET: 'b' });
    expect(config.maxBytes).toBe(50 * 1024 * 1024);
    expect(config.maxPages).toBe(500);
    expect(config.ocrPasses).toBe(3);
  });

  it('reads the OCR passes per page, and names the setting when it is not 1, 2 or 3', () => {
    const env = { DOCPIPE_TABLE_NAME: 't', DOCPIPE_DERIVED_BUCKET: 'b' };
    expect(loadStageConfig({ ...env, DOCPIPE_OCR_PASSES: '1' }).ocrPasses).toBe(1);
    expect(loadStageConfig({ ...env, DOCPIPE_OCR_PASSES: '2' }).ocrPasses).toBe(2);
    expect(() => loadStageConfig({ ...env, DOCPIPE_OCR_PASSES: '4' })).toThrow(/DOCPIPE_OCR_PASSES/);
  });
});
