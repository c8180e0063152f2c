import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';

// The demo group (葫田社区居民群) on a freshly seeded small city: 活动 lists what the seed put in the weeks ahead,
// not "nothing near you".
let f: BotFixture;
beforeAll(async () => {
  f = await startBotFixture();
}, 60_000);
afterAll(() => f?.stop());

test('活动 in the demo group lists the seeded upcoming activities of 葫田社区’s 乐老汇', async () => {
  const reply = await f.say('活动');
  expect(reply).toMatch(/^葫田社区附近的志愿活动\(/);
  expect(reply).toContain('乐老汇');
  expect(reply).not.toContain('没有开放报名');
});
