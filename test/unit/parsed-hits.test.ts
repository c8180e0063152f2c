import { ParsedHits } from '../../src/graphql/public-cache';

test('a hit whose text is unchanged reuses its parse; a changed text is parsed again', () => {
  const hits = new ParsedHits(1000);
  const first = hits.parse('k', '{"a":{"b":[1,2]}}');
  expect(hits.parse('k', '{"a":{"b":[1,2]}}')).toBe(first);
  const changed = hits.parse('k', '{"a":{"b":[3]}}');
  expect(changed).not.toBe(first);
  expect(changed).toEqual({ a: { b: [3] } });
});

test('the shared parse is frozen all the way down', () => {
  const data = new ParsedHits(1000).parse('k', '{"a":{"b":[{"c":1}]}}') as { a: { b: { c: number }[] } };
  expect(() => {
    data.a.b[0].c = 2;
  }).toThrow(TypeError);
  expect(Object.isFrozen(data.a.b)).toBe(true);
});

test('texts over the bound are not kept, and the oldest entries go first', () => {
  const hits = new ParsedHits(20); // each text below is 9 characters
  const a = hits.parse('a', '{"x":111}');
  const b = hits.parse('b', '{"x":222}');
  hits.parse('c', '{"x":333}'); // 27 characters in all: 'a' goes
  expect(hits.parse('b', '{"x":222}')).toBe(b);
  expect(hits.parse('a', '{"x":111}')).not.toBe(a);
  const long = '{"x":"' + 'y'.repeat(30) + '"}';
  expect(hits.parse('long', long)).not.toBe(hits.parse('long', long));
});
