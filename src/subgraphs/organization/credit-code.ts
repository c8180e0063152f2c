/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registering authority, organisation type, 6-digit division
 * code, 9-character organisation code (with its own GB 11714 check character) and a final check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += ALPHABET.indexOf(body8[i]) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function isValidCreditCode(code: string): boolean {
  if (!CREDIT_CODE_PATTERN.test(code)) return false;
  // Stryker disable next-line MethodExpression: the check character is computed from the first 17 characters alone
  return code[17] === creditCodeCheckChar(code.slice(0, 17));
}

/** A valid code for a 民政-registered organisation (authority 5) of the given type in a county. */
export function makeCreditCode(typeCode: '1' | '2' | '3' | '9', county6: string, body8: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(body8))
    throw new Error(`organisation code body "${body8}" uses letters outside GB 32100`);
  const first17 = `5${typeCode}${county6}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + creditCodeCheckChar(first17);
}
