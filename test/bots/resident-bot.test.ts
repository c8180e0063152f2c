import { IDENTITIES } from '../helpers/identities';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';

let f: BotFixture;
beforeAll(async () => {
  // One resident runs through every command quickly here; flooding has its own test.
  f = await startBotFixture({ gate: { floodLimit: 1000 } });
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

test('活动 lists open activities with what to send; a first 报名 asks consent and a name; 志愿时长 answers privately', async () => {
  const created = await f.t.query<{ createVolunteerActivity: { id: string } }>(
    'mutation { createVolunteerActivity(input: { title: "重阳节敬老志愿服务", category: ELDERLY_CARE, regionId: "530402002004", startsOn: "2099-10-01", capacity: 30 }) { id } }',
    {},
    IDENTITIES.ADMIN,
  );
  const id = created.createVolunteerActivity.id;
  expect(await f.say('活动')).toMatch(
    new RegExp(`\\n\\d+\\. 重阳节敬老志愿服务\\n   日期:10月1日\\(星期四\\)\\n   报名请发:报名 ${id}(\\n|$)`),
  );
  const consent = f.nextReply(f.person.id);
  expect(await f.say(`报名 ${id}`)).toBe('报名前要征得您的同意,已私信您。');
  expect(await consent).toContain('同意请回复「同意」');
  expect(await f.say('同意', { privately: true })).toContain('怎么称呼您');
  expect(await f.say('王阿姨', { privately: true })).toBe(
    `已登记为志愿者「王阿姨」。报名成功!活动编号 ${id},感谢您的参与。`,
  );
  const volunteerId = await f.resident.deps.state.volunteerOf(f.person.id);
  const [signup] = await f.t.database.dataSource.query(
    'SELECT volunteer_id FROM activity_signup WHERE activity_id = ?',
    [Number(id)],
  );
  expect(String(signup.volunteer_id)).toBe(volunteerId);
  const hours = f.nextReply(f.person.id);
  expect(await f.say('志愿时长')).toContain('私信');
  expect(await hours).toContain('0 小时');
});

test('评价 works once the need is resolved; 取消 ends a dialog', async () => {
  // Other residents: the same person repeating 登记需求 within 60 s would be one request.
  const [first, second] = [f.mocker.createContact({ name: '张阿姨' }), f.mocker.createContact({ name: '李大爷' })];
  const menu = f.nextReply(first.id);
  await f.say('登记需求', { from: first });
  await menu;
  expect(await f.say('取消', { privately: true, from: first })).toContain('已取消');
  const again = f.nextReply(second.id);
  await f.say('登记需求', { from: second });
  await again;
  for (const answer of ['法律', '邻里纠纷需要调解', '1', '跳过'])
    await f.say(answer, { privately: true, from: second });
  const number = (await f.say('确认', { privately: true, from: second })).match(/XQ\d{8}-\d{4}/)![0];
  expect(await f.say(`评价 ${number} 5`, { from: second })).toContain('解决后');
  const [row] = await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]);
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed']) {
    await f.t.query(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id: String(row.id) }, IDENTITIES.ADMIN);
  }
  expect(await f.say(`评价 ${number} 4`, { from: second })).toContain('4 分');
});

test('a dialog left alone times out', async () => {
  const slow = f.mocker.createContact({ name: '王奶奶' });
  const menu = f.nextReply(slow.id);
  await f.say('登记需求', { from: slow });
  await menu;
  const dialog = (await f.resident.deps.state.dialog(slow.id))!;
  await f.resident.deps.state.saveDialog({ ...dialog, updatedAt: dialog.updatedAt - 11 * 60_000 });
  expect(await f.say('1', { privately: true, from: slow })).toContain('超时');
});

test('绑定社区 rebinds a room by name', async () => {
  const other = f.mocker.createRoom({ topic: '居民交流群', memberIdList: [f.botUser.id, f.person.id] });
  const unbound = f.nextReply(other.id);
  f.person.say('查服务').to(other);
  expect(await unbound).toContain('绑定社区');
  const bound = f.nextReply(other.id);
  f.person.say('绑定社区 下赫社区').to(other);
  expect(await bound).toContain('李棋街道下赫社区');
  const services = f.nextReply(other.id);
  f.person.say('查服务 作业').to(other);
  expect(await services).toContain('夜间作业辅导');
});
