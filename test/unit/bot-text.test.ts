import { parseCommand } from '../../bots/resident/commands';
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
  expect(parseCommand('更多')).toEqual({ kind: 'more' });
  expect(parseCommand('取消')).toEqual({ kind: 'cancel' });
});

test.each([
  // need numbers: with or without XQ, any dash residents type, full-width digits (after normalize), or alone
  ['需求 XQ20261127-0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  ['需求 20261127-0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  ['查询 20261127—0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  ['需求 20261127 0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  [normalize('查询　２０２６１１２７－０００１'), { kind: 'needStatus', number: 'XQ20261127-0001' }],
  ['XQ20261127-0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  ['20261127-0001', { kind: 'needStatus', number: 'XQ20261127-0001' }],
  // a place in the 我的需求 list
  ['我的需求 1', { kind: 'needStatus', position: 1 }],
  ['需求 2', { kind: 'needStatus', position: 2 }],
  ['我的需求', { kind: 'myNeeds' }],
  // 评价 <需求编号 or place> <score>
  ['评价 20261127-0001 5', { kind: 'rate', number: 'XQ20261127-0001', rating: 5 }],
  ['评价 XQ20261127-0001 4分', { kind: 'rate', number: 'XQ20261127-0001', rating: 4 }],
  ['评价 XQ20261127-0001 五星', { kind: 'rate', number: 'XQ20261127-0001', rating: 5 }],
  ['评价 1 5', { kind: 'rate', position: 1, rating: 5 }],
  ['评价 2 3分', { kind: 'rate', position: 2, rating: 3 }],
  // not a need: a bare small number, a phone number, a position past the list, a score out of range
  ['1', undefined],
  ['13812345678', undefined],
  ['我的需求 11', undefined],
  ['评价 1 6', undefined],
  ['评价 5', undefined],
])('parseCommand(%j) = %j', (text, expected) => {
  expect(parseCommand(text)).toEqual(expected);
});

test.each([
  ['cha服务', '查服务 养老'],
  ['我要评价', '评价 1 5'],
  ['评价 XQ20261127-0001 很好', '评价 1 5'],
  ['还有吗 更多的', '更多'],
  ['看看我的需求进度', '我的需求'],
  ['志愿者活动有吗', '活动'],
  ['我想找个看孩子的', '查服务 看孩子'],
  ['登记', '登记需求'],
  ['今天天气不错', undefined],
  ['好', undefined],
])('closestCommand(%j) = %j', (text, expected) => {
  expect(closestCommand(text)).toBe(expected);
});
