import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';

let f: BotFixture;
beforeAll(async () => {
  f = await startBotFixture();
}, 60_000);
afterAll(() => f?.stop());

test('the room topic binds it to 葫田社区, and 帮助 lists the commands', async () => {
  const help = await f.say('@五社助手 帮助');
  expect(help).toContain('查服务');
  expect(help).toContain('登记需求');
});

test('查服务 养老 (and 繁體, full-width, synonyms) finds the station’s elderly services', async () => {
  const reply = await f.say('查服务 养老');
  expect(reply).toContain('乐老汇为老服务');
  expect(await f.say('查服務　為老')).toBe(reply.replace(/养老/g, '为老'));
});

test('登记需求 runs privately and the need reaches the hub for staff of the community', async () => {
  const menu = f.nextReply(f.person.id);
  expect(await f.say('登记需求')).toContain('私信');
  expect(await menu).toContain('1. 养老服务');
  const steps: [string, RegExp][] = [
    ['1', /描述/],
    ['独居老人需要每周上门探访', /紧急/],
    ['2', /手机号/],
    ['13812345678', /同意/],
    ['同意', /确认/],
  ];
  for (const [answer, expected] of steps) expect(await f.say(answer, { privately: true })).toMatch(expected);
  const done = await f.say('确认', { privately: true });
  const number = done.match(/XQ\d{8}-\d{4}/)?.[0];
  expect(number).toBeDefined();
  const rows = await f.t.database.dataSource.query(
    'SELECT category, urgency, community_id, contact_phone_masked, description FROM need WHERE number = ?',
    [number],
  );
  expect(rows).toEqual([
    {
      category: 'ELDERLY_CARE',
      urgency: 'URGENT',
      community_id: '530402002004',
      contact_phone_masked: '138****5678',
      description: '独居老人需要每周上门探访',
    },
  ]);
  expect(f.sent(f.room.id).join('\n')).not.toContain('13812345678');
  expect(await f.say(`需求 ${number}`)).toContain('已提交');
});
