/** How the hub rounds the figures it reports: one home for each rounding rule. */

/** Half up to `places` decimals: scores to 3, shares, averages and rates to 2. */
export function roundTo(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}

/**
 * Service time in half hours, per started hour: of the last partial hour ≤ 15 min counts 0, 15–45 min 0.5 h
 * and over 45 min a full hour.
 */
export function roundedHalfHours(minutes: number): number {
  const whole = Math.floor(minutes / 60) * 2;
  const rest = minutes % 60;
  return whole + (rest <= 15 ? 0 : rest <= 45 ? 1 : 2);
}
