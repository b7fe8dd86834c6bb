import { toFtsQuery } from '../../../shared/adapters/embedded/search-index/fts-query.js';
import { lowerBound, upperBound } from '../../../shared/adapters/embedded/search-index/timestamps.js';

describe('toFtsQuery', () => {
  it('quotes every term so the query syntax cannot be reached', () => {
    expect(toFtsQuery('invoice NEAR(acme) col:x')).toEqual({
      expression: '"invoice" "NEAR(acme)" "col:x"',
      prefixWords: [],
    });
  });

  it('doubles double quotes inside a term', () => {
    expect(toFtsQuery('say "hello"')?.expression).toBe('"say" """hello"""');
  });

  it('turns a trailing star into a prefix query', () => {
    expect(toFtsQuery('invo* acme')).toEqual({ expression: '"invo"* "acme"', prefixWords: ['invo'] });
  });

  it('drops stopwords when other words remain, and keeps them otherwise', () => {
    expect(toFtsQuery('the invoice of ACME')?.expression).toBe('"invoice" "ACME"');
    expect(toFtsQuery('to be or')?.expression).toBe('"to" "be" "or"');
  });

  it('drops chunks without a letter or digit and gives up when none is left', () => {
    expect(toFtsQuery('( invoice )')?.expression).toBe('"invoice"');
    expect(toFtsQuery('*** ((( "')).toBeUndefined();
  });
});

describe('search time bounds', () => {
  it('starts a lower bound at the beginning of a bare date', () => {
    expect(lowerBound('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
  });

  it('ends an upper bound at the end of a bare day, month or year', () => {
    expect(upperBound('2024-02-29')).toBe('2024-02-29T23:59:59.999Z');
    expect(upperBound('2024-02')).toBe('2024-02-29T23:59:59.999Z');
    expect(upperBound('2024')).toBe('2024-12-31T23:59:59.999Z');
  });

  it('reads a time without a zone as UTC and converts other zones to UTC', () => {
    expect(upperBound('2024-03-05T10:00')).toBe('2024-03-05T10:00:00.000Z');
    expect(lowerBound('2024-03-05T10:00:00+02:00')).toBe('2024-03-05T08:00:00.000Z');
  });

  it.each(['2024-02-30', '2024-13-01', '2024-01-01T24:00', 'yesterday', '05/03/2024'])('rejects %j', (value) => {
    expect(() => lowerBound(value)).toThrow(/ISO-8601/u);
  });
});
