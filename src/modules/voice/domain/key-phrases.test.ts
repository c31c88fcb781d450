import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FIXTURE_COMMENTS } from './comments.fixture.ts';
import { candidatesOf, rankKeyPhrases } from './key-phrases.ts';

const sources = FIXTURE_COMMENTS.map((text, i) => ({ author: `person-${i % 120}`, text }));

test('the fixture has 150 comments', () => assert.equal(FIXTURE_COMMENTS.length, 150));

test('candidates split at stopwords and punctuation, keeping the original spelling', () => {
  assert.deepEqual(
    candidatesOf('Peer support saved my life. Simple as that.').map((c) => c.original),
    ['Peer support saved', 'life', 'Simple'],
  );
  assert.deepEqual(
    candidatesOf('Lived experience IS expertise').map((c) => c.original),
    ['Lived experience', 'expertise'],
  );
  assert.deepEqual(candidatesOf('').length, 0);
});

test('key phrases include the ones several people used, and every phrase is verbatim from a comment', () => {
  const phrases = rankKeyPhrases(sources, { limit: 40 });
  const keys = phrases.map((p) => p.key);
  for (const expected of [
    'peer support',
    'lived experience',
    'safe space',
    'funding cuts',
    'drug deaths',
    'stronger together',
    'recovery cafe',
  ]) {
    assert.ok(keys.includes(expected), `${expected} in ${keys.join(' | ')}`);
  }
  for (const p of phrases)
    assert.ok(
      FIXTURE_COMMENTS.some((c) => c.includes(p.text)),
      `“${p.text}” appears verbatim`,
    );
  const peer = phrases.find((p) => p.key === 'peer support')!;
  assert.ok(peer.people >= 6, `peer support used by ${peer.people}`);
  assert.ok(phrases.findIndex((p) => p.key === 'peer support') < 10, 'the most shared phrase ranks near the top');
});

test('a phrase one person repeats does not outrank one many people used', () => {
  const spam = Array.from({ length: 20 }, () => ({ author: 'one', text: 'zebra crossings everywhere' }));
  const phrases = rankKeyPhrases([...sources, ...spam], { limit: 10 });
  const zebra = phrases.findIndex((p) => p.key.includes('zebra'));
  assert.ok(zebra === -1 || zebra > phrases.findIndex((p) => p.key === 'peer support'));
});

test('any text: every phrase is a verbatim substring, nothing throws', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (texts) => {
      const phrases = rankKeyPhrases(texts.map((text, i) => ({ author: String(i % 3), text })));
      return phrases.every((p) => texts.some((t) => t.includes(p.text)));
    }),
    { numRuns: 200 },
  );
});
