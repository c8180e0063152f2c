import { CITY_FIGURES } from '../helpers/operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// The whole city as reported: every total is a live count over real rows of the full dataset (~410k rows).
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ scale: 1 });
}, 300_000);
afterAll(() => t?.close());

test('玉溪市 answers the report’s totals', async () => {
  const data = await t.query<{ region: Record<string, unknown> }>(CITY_FIGURES, { id: '530400000000' });
  expect(data.region).toEqual({
    name: '玉溪市',
    population: 2249502,
    organizationCount: 2830,
    organizationsPer10k: 12.58,
    volunteerCount: 331859,
    volunteerTeamCount: 1954,
    volunteerActivityCount: 32305,
  });
});
