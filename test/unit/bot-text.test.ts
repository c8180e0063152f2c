import { categoryFor, parseCommand } from '../../bots/resident/commands';
import { closestCommand } from '../../bots/resident/suggest';
import { normalize } from '../../bots/resident/text';

test.each([
  ['查服務　養老', '查服务 养老'],
  ['＠五社助手\u2005 登記需求', '登记需求'],
  ['  查服务   为老  ', '查服务 为老'],
  ['需求ＸＱ２０２６１１２６－０００７', '需求XQ20261126-0007'],
  ['a\u0000b\u202ec', 'a b c'],
])('normalize(%j) = %j', (input, expected) => {
  expect(normalize(input)).toBe(expected);
});

test('commands are recognised in their usual forms', () => {
  expect(parseCommand('帮助')).toEqual({ kind: 'help' });
  expect(parseCommand('查服务 养老')).toEqual({ kind: 'findServices', keyword: '养老' });
  expect(parseCommand('查服务')).toEqual({ kind: 'findServices', keyword: '' });
  expect(parseCommand('登记需求')).toEqual({ kind: 'registerNeed' });
  expect(parseCommand('需求 xq20261126-0007')).toEqual({ kind: 'needStatus', number: 'XQ20261126-0007' });
  expect(parseCommand('评价 XQ20261126-0007 5')).toEqual({ kind: 'rate', number: 'XQ20261126-0007', rating: 5 });
  expect(parseCommand('报名 12')).toEqual({ kind: 'signUp', activityId: '12' });
  expect(parseCommand('绑定社区 葫田社区')).toEqual({ kind: 'bindRoom', community: '葫田社区' });
  expect(parseCommand('今天天气不错')).toBeUndefined();
  expect(parseCommand('报名 12; DROP')).toBeUndefined();
});

test('养老, 为老 and 老人 all mean elderly care', () => {
  expect(['养老', '为老', '老人'].map(categoryFor)).toEqual(['ELDERLY_CARE', 'ELDERLY_CARE', 'ELDERLY_CARE']);
  expect(categoryFor('修自行车')).toBeUndefined();
});

test.each([
  ['cha服务', '查服务 养老'],
  ['我要评价', '评价 XQ编号 5'],
  ['评价 XQ20261127-0001 五星', '评价 XQ编号 5'],
  ['看看我的需求进度', '我的需求'],
  ['志愿者活动有吗', '活动'],
  ['我想找个看孩子的', '查服务 看孩子'],
  ['登记', '登记需求'],
  ['今天天气不错', undefined],
  ['好', undefined],
])('closestCommand(%j) = %j', (text, expected) => {
  expect(closestCommand(text)).toBe(expected);
});
