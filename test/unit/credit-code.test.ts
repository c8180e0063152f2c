import {
  creditCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  orgCodeCheckChar,
} from '../../src/subgraphs/organization/credit-code';

// Check characters worked out by hand from GB 32100-2015 (weights 3^i mod 31, alphabet without I O S V Z) and
// GB 11714 (weights 3 7 9 10 5 8 4 2; 10 is written X, 11 is written 0).
describe('统一社会信用代码', () => {
  test.each([
    '91350100M000100Y43',
    '91440300708461136T', // published codes of real companies
    '91330100799655058B',
    '9153040200000003X0', // a check character of 0: the sum is a multiple of 31
  ])('%s is valid', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  test.each([
    ['91350100M000100Y44', 'a changed check character'],
    ['91350100M000100Y4', 'one character short'],
    ['91350100M000100Y430', 'one character long'],
    ['991350100M000100YT7', 'a valid code behind an extra leading character'],
    ['9135010OM000100Y43', 'O instead of 0'],
    ['91A50100M000100Y42', 'a letter in the division code, even with a matching check character'],
    ['91350100m000100y43', 'lower case'],
  ])('%s is refused: %s', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  test.each([
    ['70846113', '6'],
    ['79965505', '8'],
    ['12345678', '8'],
    ['00000030', 'X'],
    ['00000000', '0'],
  ])('organisation code %s has check character %s', (body, check) => {
    expect(orgCodeCheckChar(body)).toBe(check);
  });

  test('generated codes: authority 5, the type, the county, the body and both check characters', () => {
    expect(makeCreditCode('3', '530402', '70846113')).toBe('53530402708461136D');
    expect(makeCreditCode('1', '530402', '00000030')).toBe('5153040200000030X2');
    expect(makeCreditCode('1', '530402', '00000000')).toBe('515304020000000007');
    expect(isValidCreditCode(makeCreditCode('3', '530402', 'MJ000001'))).toBe(true);
  });

  test.each(['MI000001', 'MJ00001', 'MJ0000001', 'mj000001'])(
    'an organisation code body %s outside GB 32100 is refused',
    (body) => {
      expect(() => makeCreditCode('3', '530402', body)).toThrow(
        `organisation code body "${body}" uses letters outside GB 32100`,
      );
    },
  );
});
