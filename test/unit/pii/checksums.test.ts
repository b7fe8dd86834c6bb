import { passesIbanMod97 } from '../../../shared/adapters/embedded/pii/checksums/iban-mod97.js';
import { passesLuhn } from '../../../shared/adapters/embedded/pii/checksums/luhn.js';

describe('passesLuhn', () => {
  it('accepts a number whose Luhn sum is a multiple of ten', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('79927398713')).toBe(true);
  });

  it('rejects a number with one digit changed, and anything that is not digits', () => {
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('4111-1111')).toBe(false);
  });
});

describe('passesIbanMod97', () => {
  it('accepts IBANs whose check digits are right', () => {
    expect(passesIbanMod97('GB82WEST12345698765432')).toBe(true);
    expect(passesIbanMod97('DE89370400440532013000')).toBe(true);
  });

  it('rejects an IBAN with wrong check digits', () => {
    expect(passesIbanMod97('GB83WEST12345698765432')).toBe(false);
    expect(passesIbanMod97('DE89370400440532013001')).toBe(false);
  });
});
