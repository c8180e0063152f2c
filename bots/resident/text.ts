// opencc-js ships a UMD build for require(); its type declarations describe only the ES module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require('opencc-js/t2cn') as {
  Converter(options: { from: string; to: string }): (text: string) => string;
};

/** 繁體 (plain traditional, Taiwan and Hong Kong forms) to 简体, as residents type either. */
const toSimplified = Converter({ from: 't', to: 'cn' });

const MAX_TEXT = 500;

/**
 * What the bot reads of a message: full-width letters, digits and spaces made half-width, traditional made
 * simplified, @-mentions and control characters removed, spaces collapsed, cut at 500 characters.
 */
export function normalize(text: string): string {
  const halfWidth = text
    .slice(0, MAX_TEXT * 4)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
  return (
    toSimplified(halfWidth)
      .replace(/@\S+[\u2005\s]?/g, ' ')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_TEXT)
  );
}

/** China keeps UTC+8 all year (no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date in China at `now` (ms), as YYYY-MM-DD: "today" for residents, whatever the server's time zone. */
export function chinaDate(now: number): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * An organisation's or a station's public line, never a person's: a mobile number entered as one is most likely
 * somebody's own phone, so it is not passed on.
 */
export function publicLine(phone: string | null | undefined): string | undefined {
  return phone && !/^(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}$/.test(phone.trim()) ? phone : undefined;
}
