import type { City } from './city';
import { countyOf, townshipOf } from './divisions';
import { Random } from './random';
import * as Y from './yuxi';

/**
 * Generated demo contact details: public phone lines and addresses for organisations and stations. They draw from
 * their own random sequence (SEED + CONTACT_STREAM), not the city's, so adding them left every other generated
 * row as it was. The numbers look like Yuxi fixed lines (area code 0877, 7-digit local numbers) but are invented;
 * docs/dataset.md says so.
 */
const CONTACT_STREAM = 11;

/** First digits of local numbers, as Yuxi fixed lines commonly start. */
const LOCAL_FIRST_DIGITS = ['2', '3', '5', '6', '8'];

/** Street names common to most Chinese towns, so no address points at a real door in Yuxi. */
const STREETS = [
  '人民路',
  '文化路',
  '建设路',
  '兴业路',
  '康宁路',
  '学府路',
  '新兴路',
  '和平路',
  '民主路',
  '健康路',
  '朝阳路',
  '育才路',
  '幸福路',
  '团结路',
  '振兴路',
  '南环路',
  '北环路',
  '东风路',
];

export class Contacts {
  private readonly random: Random;
  private readonly usedPhones = new Set<string>();

  constructor(
    seed: number,
    private readonly city: City,
  ) {
    this.random = new Random(seed + CONTACT_STREAM);
  }

  /** A public fixed line, unique within the dataset: 0877-2xxxxxx. */
  phone(): string {
    for (;;) {
      const local = this.random.pick(LOCAL_FIRST_DIGITS) + String(this.random.int(0, 999_999)).padStart(6, '0');
      const phone = `0877-${local}`;
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  /**
   * The full name of a region from its county down (红塔区凤凰街道葫田社区); for the city itself, the seat of
   * government's district, where city-wide bodies have their offices.
   */
  place(code: string): string {
    if (code === Y.CITY.code) return `${Y.CITY.name}${this.city.nameOf(Y.PLACES.hongta)}`;
    const parts = [countyOf(code), townshipOf(code), code].filter((c, index, all) => all.indexOf(c) === index);
    return parts.map((c) => this.city.nameOf(c)).join('');
  }

  /** A street address in the region: 红塔区凤凰街道建设路36号. */
  streetAddress(code: string): string {
    return `${this.place(code)}${this.random.pick(STREETS)}${this.random.int(1, 299)}号`;
  }

  /**
   * Where a station is: a community's room is in its 党群服务中心, a township's station in the township's
   * 便民服务中心, a county centre on a street of the county seat.
   */
  stationAddress(code: string): string {
    if (code.endsWith('000000')) return this.streetAddress(code);
    if (code.endsWith('000')) return `${this.place(code)}便民服务中心`;
    return `${this.place(code)}党群服务中心`;
  }
}
