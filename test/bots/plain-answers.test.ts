import { parseCommand } from '../../bots/resident/commands';
import { systemClock } from '../../bots/resident/send-queue';
import { NEED_TRANSITION } from '../helpers/admin-operations';
import { CREATE_NEARBY_ACTIVITY, CREATE_NEARBY_SERVICE } from '../helpers/bot-answer-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { UPDATE_ORGANIZATION_CONTACT, UPDATE_STATION_CONTACT } from '../helpers/contact-operations';
import { IDENTITIES } from '../helpers/identities';

// Plain answers: numbered lists with public phones and addresses, 更多, 帮助 with every command, need numbers as
// residents write them, and 报名 only with the resident's consent and the name they choose.
let f: BotFixture;
/** How far the bot's clock runs ahead: lets a resident say the same thing again without waiting out 60 s. */
let ahead = 0;
const later = () => (ahead += 61_000);
const HUTIAN = '530402002004';
const sql = (query: string, parameters: unknown[] = []) => f.t.database.dataSource.query(query, parameters);

beforeAll(async () => {
  f = await startBotFixture({ clock: { ...systemClock, now: () => Date.now() + ahead }, gate: { floodLimit: 1000 } });
}, 60_000);
afterAll(() => f?.stop());

test('查服务 answers a numbered list with the provider’s public phone and the station’s address; 更多 pages to the end and past it', async () => {
  const [{ id: providerId }] = await sql('SELECT id FROM social_organization WHERE name = ?', [
    '葫田社区乐老汇为老服务队',
  ]);
  const [{ id: stationId }] = await sql('SELECT id FROM service_station WHERE name = ?', [
    '葫田社区“乐老汇”为老服务站',
  ]);
  await f.t.query(
    UPDATE_ORGANIZATION_CONTACT,
    { id: String(providerId), input: { publicPhone: '0877-2031234' } },
    IDENTITIES.ADMIN,
  );
  await f.t.query(
    UPDATE_STATION_CONTACT,
    { id: String(stationId), input: { publicPhone: '0877-2035678', address: '红塔区凤凰路 8 号' } },
    IDENTITIES.ADMIN,
  );
  expect(Number((await sql("SELECT COUNT(*) AS n FROM service WHERE name LIKE '%助餐点%'"))[0].n)).toBe(0);
  for (let i = 1; i <= 12; i += 1) {
    const name = `长者助餐点 ${String(i).padStart(2, '0')}`;
    await f.t.query(
      CREATE_NEARBY_SERVICE,
      { name, providerId: String(providerId), stationId: String(stationId), regionId: HUTIAN },
      IDENTITIES.ADMIN,
    );
  }
  const item = (position: number, phone = '0877-2031234') =>
    [
      `${position}. 长者助餐点 ${String(position).padStart(2, '0')} — 葫田社区乐老汇为老服务队 电话 ${phone}`,
      '   地点:葫田社区“乐老汇”为老服务站',
      '   地址:红塔区凤凰路 8 号',
      '   时间:每天 11:30',
    ].join('\n');
  const page = (heading: string, positions: number[], footer: string, phone?: string) =>
    [heading, ...positions.map((p) => item(p, phone)), footer].join('\n');

  expect(await f.say('查服务 助餐点')).toBe(
    page('葫田社区附近的「助餐点」服务(第 1–5 项,共 12 项):', [1, 2, 3, 4, 5], '还有 7 项,回复「更多」接着看。'),
  );
  expect(await f.say('更多')).toBe(
    page('葫田社区附近的「助餐点」服务(第 6–10 项,共 12 项):', [6, 7, 8, 9, 10], '还有 2 项,回复「更多」接着看。'),
  );
  expect(await f.say('更多')).toBe(
    page('葫田社区附近的「助餐点」服务(第 11–12 项,共 12 项):', [11, 12], '已经全部列出,没有更多了。'),
  );
  // Past the end, as often as asked (更多 is no repeat of one request: each asks for the next page).
  expect(await f.say('更多')).toBe('没有更多了,12 项已经全部列出。');
  expect(await f.say('更多')).toBe('没有更多了,12 项已经全部列出。');
  expect(f.sent(f.room.id).join('\n')).not.toContain('|');

  // A mobile number entered as the organisation's public line is somebody's own phone: the station's line instead.
  await f.t.query(
    UPDATE_ORGANIZATION_CONTACT,
    { id: String(providerId), input: { publicPhone: '13812345678' } },
    IDENTITIES.ADMIN,
  );
  later();
  const again = await f.say('查服务 助餐点');
  expect(again).toBe(
    page(
      '葫田社区附近的「助餐点」服务(第 1–5 项,共 12 项):',
      [1, 2, 3, 4, 5],
      '还有 7 项,回复「更多」接着看。',
      '0877-2035678',
    ),
  );
  expect(again).not.toContain('13812345678');
});

test('更多 continues only the list this resident asked for in this conversation, and says what it is for otherwise', async () => {
  const neighbour = f.mocker.createContact({ name: '周阿姨' });
  const noList = '「更多」用来看上一个列表的下一页。请先发「查服务」或「活动」。';
  expect(await f.say('更多', { from: neighbour })).toBe(noList);
  expect(await f.say('更多', { from: neighbour, privately: true })).toBe(noList);
  // The person has a list in the room (the test above), none in the private chat.
  later();
  expect(await f.say('查服务 助餐点')).toContain('(第 1–5 项,共 12 项)');
  expect(await f.say('更多', { privately: true })).toBe(noList);
  expect(await f.say('更多')).toContain('(第 6–10 项,共 12 项)');
});

test('活动 lists open activities the soonest first, numbered, each with what to send; 更多 pages through them', async () => {
  const [{ id: stationId }] = await sql('SELECT id FROM service_station WHERE name = ?', [
    '葫田社区“乐老汇”为老服务站',
  ]);
  // Created out of date order: the list puts them in date order, after anything sooner the dataset has.
  // How a date reads to a resident (3月1日(星期六)), from the platform's own calendar, not the bot's formatter.
  const inChinese = (day: string) => {
    const part = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', ...options }).format(new Date(`${day}T00:00:00Z`));
    return `${part({ month: 'numeric' })}${part({ day: 'numeric' })}(${part({ weekday: 'long' })})`;
  };
  const days = ['2098-03-07', '2098-03-01', '2098-03-05', '2098-03-02', '2098-03-06', '2098-03-04', '2098-03-03'];
  const ids = new Map<string, string>();
  for (const day of days) {
    const created = await f.t.query<{ createVolunteerActivity: { id: string } }>(
      CREATE_NEARBY_ACTIVITY,
      { title: `助老探访 ${day}`, startsOn: day, regionId: HUTIAN, stationId: String(stationId) },
      IDENTITIES.ADMIN,
    );
    ids.set(day, created.createVolunteerActivity.id);
  }
  const first = await f.say('活动');
  const total = Number(first.match(/^葫田社区附近的志愿活动\(第 1–5 项,共 (\d+) 项\):/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(7);
  const pages = [first];
  while (pages.length < 10 && pages[pages.length - 1].includes('回复「更多」接着看')) pages.push(await f.say('更多'));
  expect(pages[pages.length - 1]).toMatch(/已经全部列出,没有更多了。$|^葫田社区附近的志愿活动\(共 \d+ 项\):/);
  expect(await f.say('更多')).toBe(`没有更多了,${total} 项已经全部列出。`);
  const items = pages.join('\n').match(/^\d+\. .+\n(?: {3}.+\n?)+/gm)!;
  expect(items.map((i) => Number(i.split('.')[0]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  const mine = [...days]
    .sort()
    .map((day, i) =>
      [
        `${total - 6 + i}. 助老探访 ${day}`,
        `   日期:${inChinese(day)}`,
        '   地点:葫田社区“乐老汇”为老服务站',
        '   地址:红塔区凤凰路 8 号',
        '   电话:0877-2035678',
        `   报名请发:报名 ${ids.get(day)}`,
      ].join('\n'),
    );
  expect(items.slice(-7).map((i) => i.trimEnd())).toEqual(mine);
});

test('帮助 lists every command with one example each, in plain words', async () => {
  later();
  const help = await f.say('帮助');
  const lines = help.split('\n');
  const examples = [
    '查服务 养老',
    '更多',
    '登记需求',
    '我的需求',
    '我的需求 1',
    '需求 20261127-0001',
    '评价 1 5',
    '活动',
    '报名 12',
    '志愿时长',
    '取消',
    '帮助',
    '绑定社区 葫田社区',
    '绑定工作群',
  ];
  for (const example of examples) {
    expect(lines.filter((line) => line.startsWith(`${example} —— `))).toHaveLength(1);
    expect(parseCommand(example)).toBeDefined();
  }
  expect(lines.filter((line) => line.includes(' —— '))).toHaveLength(examples.length);
  expect(help).not.toMatch(/XQ|编号 1-5|\[/);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(26);
});

/** `who` registers a need through the private dialog; returns the two private messages that end it. */
async function registerNeed(who: ReturnType<BotFixture['mocker']['createContact']>, description: string) {
  later();
  const menu = f.nextReply(who.id);
  await f.say('登记需求', { from: who });
  await menu;
  for (const answer of ['1', description, '1', '跳过']) await f.say(answer, { privately: true, from: who });
  const confirmation = f.say('确认', { privately: true, from: who });
  const text = await confirmation;
  return [text, await f.nextReply(who.id)];
}

test('need numbers are offered alone to copy and accepted without XQ, full-width, alone, or by their place in 我的需求; 评价 too', async () => {
  const resident = f.mocker.createContact({ name: '吴奶奶' });
  const [text, older] = await registerNeed(resident, '想找人陪同去医院复查');
  expect(older).toMatch(/^XQ\d{8}-\d{4}$/);
  expect(text).toBe(
    `需求已登记,编号 ${older}。发送「需求 ${older}」或「我的需求」可随时查看进度。需求编号在下一条,长按可复制:`,
  );
  const [, newer] = await registerNeed(resident, '楼道灯坏了需要维修');
  const privately = { privately: true, from: resident };
  expect(await f.say('我的需求', privately)).toBe(
    [
      '您登记的需求(新的在前,共 2 条):',
      '1. 已提交',
      newer,
      '2. 已提交',
      older,
      '看第 1 条的进度请发「我的需求 1」;给第 1 条打 5 分请发「评价 1 5」。',
    ].join('\n'),
  );
  const details = (number: string, description: string) => `需求 ${number}:已提交\n类别:养老服务\n描述:${description}`;
  expect(await f.say('我的需求 1', privately)).toBe(details(newer, '楼道灯坏了需要维修'));
  expect(await f.say('需求 2', privately)).toBe(details(older, '想找人陪同去医院复查'));
  expect(await f.say(`需求 ${newer.slice(2)}`, { from: resident })).toBe(`需求 ${newer}:已提交`);
  const fullWidth = older.slice(2).replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  expect(await f.say(`查询 ${fullWidth}`, privately)).toBe(details(older, '想找人陪同去医院复查'));
  expect(await f.say(newer, privately)).toBe(details(newer, '楼道灯坏了需要维修'));
  expect(await f.say('我的需求 3', privately)).toBe('您的需求列表里没有第 3 条。发送「我的需求」查看您登记的需求。');

  const [{ id }] = await sql('SELECT id FROM need WHERE number = ?', [older]);
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await f.t.query(NEED_TRANSITION(step), { id: String(id) }, IDENTITIES.ADMIN);
  expect(await f.say(`评价 ${newer.slice(2)} 4`, privately)).toBe('需求解决后才能评价。');
  expect(await f.say('评价 2 五星', privately)).toBe(`感谢评价!需求 ${older} 评分 5 分。`);
  expect(
    (await sql('SELECT rating FROM need WHERE number = ?', [older])).map((r: { rating: unknown }) => Number(r.rating)),
  ).toEqual([5]);
});

test('报名 asks consent first: refusing or 取消 registers nothing; agreeing, the resident is registered under the name they chose', async () => {
  const created = await f.t.query<{ createVolunteerActivity: { id: string } }>(
    CREATE_NEARBY_ACTIVITY,
    { title: '社区义诊志愿服务', startsOn: '2099-05-01', regionId: HUTIAN, stationId: null },
    IDENTITIES.ADMIN,
  );
  const activity = created.createVolunteerActivity.id;
  const volunteers = async () => Number((await sql('SELECT COUNT(*) AS n FROM volunteer'))[0].n);
  const signups = async () =>
    Number((await sql('SELECT COUNT(*) AS n FROM activity_signup WHERE activity_id = ?', [Number(activity)]))[0].n);
  const before = await volunteers();
  const consent = [
    '报名「社区义诊志愿服务」需要先登记为社区志愿者。',
    '会记录:您告诉我的称呼,和您的微信(只用于报名和记录志愿时长,不会公开)。',
    '同意请回复「同意」,不同意请回复「不同意」。随时回复「取消」结束。',
  ].join('\n');
  const askName = '请回复您希望大家怎么称呼您(2 到 20 个字,例如:张阿姨)。';

  const refuser = f.mocker.createContact({ name: 'WeChat昵称甲' });
  const asked = f.nextReply(refuser.id);
  expect(await f.say(`报名 ${activity}`, { from: refuser })).toBe('报名前要征得您的同意,已私信您。');
  expect(await asked).toBe(consent);
  expect(await f.say('好的', { privately: true, from: refuser })).toBe('请回复「同意」或「不同意」。');
  expect(await f.say('不同意', { privately: true, from: refuser })).toBe(
    '好的,没有登记任何信息。社区的其他服务照样可以使用。',
  );
  const canceller = f.mocker.createContact({ name: 'WeChat昵称乙' });
  const asked2 = f.nextReply(canceller.id);
  await f.say(`报名 ${activity}`, { from: canceller });
  await asked2;
  expect(await f.say('同意', { privately: true, from: canceller })).toBe(askName);
  expect(await f.say('取消', { privately: true, from: canceller })).toBe('已取消报名,没有登记任何信息。');
  // 取消 in the group ends the resident's private dialog too; with none open it says there is nothing to cancel.
  const roomCanceller = f.mocker.createContact({ name: 'WeChat昵称丁' });
  const asked3 = f.nextReply(roomCanceller.id);
  await f.say(`报名 ${activity}`, { from: roomCanceller });
  expect(await asked3).toBe(consent);
  expect(await f.say('取消', { from: roomCanceller })).toBe('已取消,没有提交任何信息。');
  expect(await f.resident.deps.state.dialog(roomCanceller.id)).toBeUndefined();
  later();
  expect(await f.say('取消', { from: roomCanceller, privately: true })).toBe('现在没有进行中的登记或报名,不用取消。');
  expect(await volunteers()).toBe(before);
  expect(await signups()).toBe(0);

  const joiner = f.mocker.createContact({ name: 'WeChat昵称丙' });
  const asked4 = f.nextReply(joiner.id);
  await f.say(`报名 ${activity}`, { from: joiner });
  await asked4;
  expect(await f.say('同意', { privately: true, from: joiner })).toBe(askName);
  expect(await f.say('李', { privately: true, from: joiner })).toBe(askName);
  expect(await f.say('13812345678', { privately: true, from: joiner })).toBe(askName);
  expect(await f.say('李秀英', { privately: true, from: joiner })).toBe(
    `已登记为志愿者「李秀英」。报名成功!活动编号 ${activity},感谢您的参与。`,
  );
  const volunteerId = await f.resident.deps.state.volunteerOf(joiner.id);
  expect(await sql('SELECT name, region_id FROM volunteer WHERE id = ?', [Number(volunteerId)])).toEqual([
    { name: '李秀英', region_id: HUTIAN },
  ]);
  expect(await volunteers()).toBe(before + 1);
  const signedUp = await sql('SELECT volunteer_id FROM activity_signup WHERE activity_id = ?', [Number(activity)]);
  expect(signedUp.map((r: { volunteer_id: unknown }) => String(r.volunteer_id))).toEqual([volunteerId]);

  // A volunteer signs up directly; a second sign-up to the same activity is refused by the hub's rules.
  const other = await f.t.query<{ createVolunteerActivity: { id: string } }>(
    CREATE_NEARBY_ACTIVITY,
    { title: '垃圾分类宣传', startsOn: '2099-05-02', regionId: HUTIAN, stationId: null },
    IDENTITIES.ADMIN,
  );
  const second = other.createVolunteerActivity.id;
  expect(await f.say(`报名 ${second}`, { from: joiner })).toBe(`报名成功!活动编号 ${second},感谢您的参与。`);
  later();
  expect(await f.say(`报名 ${second}`, { from: joiner })).toBe('您已经报过名了。');
  expect(await volunteers()).toBe(before + 1);
  // An activity that does not exist is said so before anyone is asked to consent.
  expect(await f.say('报名 999999', { from: refuser })).toBe('没有找到该活动,请发送「活动」查看编号。');
  expect(await f.resident.deps.state.dialog(refuser.id)).toBeUndefined();
});
