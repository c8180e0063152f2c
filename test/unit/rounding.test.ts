import { roundedHalfHours, roundTo } from '../../src/graphql/rounding';

test.each([
  [0.12345, 3, 0.123],
  [0.1235, 3, 0.124],
  [2 / 3, 2, 0.67],
  [0.1 + 0.2, 2, 0.3],
  [1234.5678, 1, 1234.6],
  [2.5, 0, 3],
  [12.58, 2, 12.58],
])('%d to %i decimals is %d', (value, places, rounded) => {
  expect(roundTo(value, places)).toBe(rounded);
});

// Per started hour: of the last partial hour up to 15 minutes count nothing, up to 45 half an hour, more a full hour.
test.each([
  [0, 0],
  [15, 0],
  [16, 1],
  [45, 1],
  [46, 2],
  [60, 2],
  [75, 2],
  [76, 3],
  [105, 3],
  [106, 4],
  [160, 5],
])('%i minutes of service count as %i half hours', (minutes, halfHours) => {
  expect(roundedHalfHours(minutes)).toBe(halfHours);
});
