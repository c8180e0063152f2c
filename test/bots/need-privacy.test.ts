import { NEED_TRANSITION } from '../helpers/admin-operations';
import { startBotFixture, type BotFixture } from '../helpers/bot-fixture';
import { IDENTITIES } from '../helpers/identities';

// Need numbers are sequential and posted in the group, so anyone can type one. Only the resident who registered
// a need may rate it or read it, and a room never sees another room's needs.
let f: BotFixture;
let number: string;
let needId: string;
let neighbour: ReturnType<BotFixture['mocker']['createContact']>;
let otherRoom: ReturnType<BotFixture['mocker']['createRoom']>;
const rating = async () =>
  (await f.t.database.dataSource.query('SELECT rating FROM need WHERE id = ?', [Number(needId)]))[0].rating;

beforeAll(async () => {
  f = await startBotFixture();
  neighbour = f.mocker.createContact({ name: '隔壁老李' });
  otherRoom = f.mocker.createRoom({ topic: '下赫社区居民群', memberIdList: [f.botUser.id, f.person.id, neighbour.id] });
  const menu = f.nextReply(f.person.id);
  expect(await f.say('登记需求')).toContain('私信');
  await menu;
  for (const answer of ['1', '独居老人需要每周上门探访', '1', '跳过']) await f.say(answer, { privately: true });
  number = (await f.say('确认', { privately: true })).match(/XQ\d{8}-\d{4}/)![0];
  needId = String(
    (await f.t.database.dataSource.query('SELECT id FROM need WHERE number = ?', [number]))[0].id as number,
  );
}, 60_000);
afterAll(() => f?.stop());

test('another resident of the same room can neither read nor rate the need', async () => {
  expect(await f.say(`需求 ${number}`, { from: neighbour })).toBe(
    `抱歉,只有登记需求 ${number} 的居民本人可以查看。您登记的需求请发送「我的需求」查看。`,
  );
  // (written without the space: the same text from the same person within 60 s is one request)
  expect(await f.say(`需求${number}`, { from: neighbour, privately: true })).toContain('只有登记需求');
  expect(await f.say(`评价 ${number} 1`, { from: neighbour })).toBe(
    `抱歉,只有登记需求 ${number} 的居民本人可以评价。您登记的需求请发送「我的需求」查看。`,
  );
  expect(await rating()).toBeNull();
});

test('another room sees nothing of the need, not even when its resident asks there', async () => {
  const toNeighbour = f.nextReply(otherRoom.id);
  neighbour.say(`查询 ${number}`).to(otherRoom);
  expect(await toNeighbour).toContain('只有登记需求');
  const toResident = f.nextReply(otherRoom.id);
  f.person.say(`查询${number}`).to(otherRoom);
  expect(await toResident).toBe(`需求 ${number} 不是在本群登记的,请私聊我查询。`);
  expect(f.sent(otherRoom.id).join('\n')).not.toMatch(/已提交|独居老人/);
});

test('the resident reads the status in the room and the details privately', async () => {
  expect(await f.say(`需求 ${number}`)).toBe(`需求 ${number}:已提交`);
  expect(await f.say(`查询 ${number}`, { privately: true })).toBe(
    `需求 ${number}:已提交\n类别:养老服务\n描述:独居老人需要每周上门探访`,
  );
});

test('after a neighbour tried to rate it first, the resident still rates the resolved need', async () => {
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await f.t.query(NEED_TRANSITION(step), { id: needId }, IDENTITIES.ADMIN);
  expect(await f.say(`评价 ${number} 2`, { from: neighbour })).toContain('只有登记需求');
  expect(await rating()).toBeNull();
  expect(await f.say(`评价 ${number} 4`)).toBe(`感谢评价!需求 ${number} 评分 4 分。`);
  expect(await rating()).toBe(4);
});
