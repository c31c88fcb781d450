// The maths on votes with planted opinion groups, exact small cases, and properties.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  adjustedRandIndex,
  analyse,
  buildVoteMatrix,
  groupInformedConsensus,
  kmeans,
  pca,
  propTest,
  silhouette,
  twoPropTest,
  type VoteRecord,
  type VoteValue,
} from './analysis.ts';
import { plantedConsultation } from './synthetic.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test('the tests of proportions match hand-worked values', () => {
  // 2·sqrt(11)·(9/11 − 0.5)
  close(propTest(8, 10), 2 * Math.sqrt(11) * (9 / 11 - 0.5));
  close(propTest(0, 0), 2 * 1 * (1 - 0.5));
  // s1=8,s2=2,n1=10,n2=10 → 9/11 vs 3/11, p = 12/22
  const p = 12 / 22;
  close(twoPropTest(8, 2, 10, 10), (9 / 11 - 3 / 11) / Math.sqrt(p * (1 - p) * (2 / 11)));
  close(twoPropTest(10, 10, 10, 10), 0);
  // GIC: (3+1)/(4+2) · (1+1)/(4+2)
  close(
    groupInformedConsensus([
      { agree: 3, disagree: 1, seen: 4 },
      { agree: 1, disagree: 3, seen: 4 },
    ]),
    (4 / 6) * (2 / 6),
  );
});

test('adjusted Rand index: 1 for the same partition under renaming, about 0 for unrelated, exact on a small case', () => {
  assert.equal(adjustedRandIndex([0, 0, 1, 1, 2, 2], ['b', 'b', 'a', 'a', 'c', 'c']), 1);
  // Hubert–Arabie on a worked 2×2 case: a = [0,0,0,1,1,1], b = [0,0,1,1,1,1]
  // n_ij: (0,0)=2,(0,1)=1,(1,1)=3 → index = 1+0+3 = 4; a sums: 3+3 → 6; b sums: C(2,2)+C(4,2) = 1+6 = 7
  // expected = 6·7/15 = 2.8; max = 6.5 → (4−2.8)/(6.5−2.8)
  close(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]), (4 - 2.8) / (6.5 - 2.8));
});

test('PCA of a one-dimensional split finds it: the two sides land on opposite ends', () => {
  const votes: VoteRecord[] = [];
  for (let i = 0; i < 10; i++)
    for (const s of ['a', 'b', 'c'])
      votes.push({ participant: `p${i}`, statement: s, value: (i < 5 ? 1 : -1) as VoteValue });
  const m = buildVoteMatrix(votes, ['a', 'b', 'c']);
  const p = pca(m);
  for (const x of p.components[0]) close(Math.abs(x), 1 / Math.sqrt(3), 1e-6);
  assert.ok(
    p.components[0].every((x) => x > 0),
    'sign convention: largest entry positive',
  );
});

test('k-means and silhouette on two clear clumps', () => {
  const pts: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 0],
    [10, 10],
    [10, 11],
    [11, 10],
  ];
  const c = kmeans(
    pts,
    pts.map(() => 1),
    2,
    20,
  );
  assert.equal(c.assignment[0], c.assignment[1]);
  assert.equal(c.assignment[3], c.assignment[5]);
  assert.notEqual(c.assignment[0], c.assignment[3]);
  assert.ok(silhouette(pts, c.assignment) > 0.8);
});

test('three planted groups of 40 with 20% of votes missing are found (adjusted Rand index ≥ 0.9), and shared statements are consensus', () => {
  for (const seed of [1, 2, 3]) {
    const planted = plantedConsultation({ groups: 3, size: 40, statementCount: 30, missing: 0.2, seed });
    const a = analyse(planted.votes, planted.statements);
    assert.equal(a.enough, true);
    assert.equal(a.groups.length, 3, `seed ${seed}: ${JSON.stringify(a.silhouettes)}`);
    const found = new Map<string, number>();
    a.groups.forEach((g, k) => g.members.forEach((p) => found.set(p, k)));
    const ids = [...planted.groupOf.keys()];
    const ari = adjustedRandIndex(
      ids.map((p) => planted.groupOf.get(p)!),
      ids.map((p) => found.get(p) ?? -1),
    );
    assert.ok(ari >= 0.9, `seed ${seed}: ARI ${ari}`);
    for (const s of planted.common)
      assert.ok(a.consensusAgree.includes(s), `seed ${seed}: ${s} is consensus (${a.consensusAgree})`);
    assert.ok(a.divisive.length > 0, 'some statements divide the groups');
    for (const s of a.divisive) assert.ok(!planted.common.includes(s));
    for (const g of a.groups) assert.ok(g.representative.length > 0 && g.representative.length <= 5);
  }
});

test('below the thresholds nothing but counts: 6 people, or 7 with too few votes each', () => {
  const planted = plantedConsultation({ groups: 2, size: 3, statementCount: 10, missing: 0, seed: 4 });
  const six = analyse(planted.votes, planted.statements);
  assert.equal(six.participants, 6);
  assert.equal(six.enough, false);
  assert.deepEqual([six.groups, six.consensusAgree, six.divisive, six.points], [[], [], [], []]);
  // 7 people but one of them cast 6 votes: still only 6 placed.
  const extra: VoteRecord[] = planted.statements
    .slice(0, 6)
    .map((s) => ({ participant: 'late', statement: s, value: 1 }));
  const seven = analyse([...planted.votes, ...extra], planted.statements);
  assert.equal(seven.participants, 7);
  assert.equal(seven.placed, 6);
  assert.equal(seven.enough, false);
});

test('no group of fewer than 5 people is ever shown', () => {
  // Two planted groups of 20 and a third, distinct one cut down to 3 people.
  const p = plantedConsultation({ groups: 3, size: 20, statementCount: 12, missing: 0, seed: 9 });
  const keep = p.votes.filter((v) => !v.participant.startsWith('p2-') || v.participant < 'p2-00003');
  const a = analyse(keep, p.statements);
  assert.equal(a.enough, true);
  for (const g of a.groups) assert.ok(g.size >= 5, `a group of ${g.size}`);
  assert.ok(
    a.silhouettes.some((s) => s.smallest < 5),
    'a clustering with the group of 3 was considered, and refused',
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 7, max: 30 }), (seed, n) => {
      const p = plantedConsultation({ groups: 3, size: Math.ceil(n / 3), statementCount: 9, missing: 0.3, seed });
      return analyse(p.votes, p.statements).groups.every((g) => g.size >= 5);
    }),
    { numRuns: 15 },
  );
});

const small = plantedConsultation({ groups: 3, size: 12, statementCount: 12, missing: 0.2, seed: 5 });

test('reordering participants or statements changes nothing', () => {
  const reference = JSON.stringify(analyse(small.votes, small.statements));
  fc.assert(
    fc.property(
      fc.shuffledSubarray(small.votes, { minLength: small.votes.length }),
      fc.shuffledSubarray(small.statements, { minLength: small.statements.length }),
      (votes, statements) => JSON.stringify(analyse(votes, statements)) === reference,
    ),
    { numRuns: 25 },
  );
});

test('flipping every vote flips the map, not the groups', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
      const p = plantedConsultation({ groups: 3, size: 10, statementCount: 10, missing: 0.2, seed });
      const a = analyse(p.votes, p.statements);
      const b = analyse(
        p.votes.map((v) => ({ ...v, value: (-v.value || 0) as VoteValue })),
        p.statements,
      );
      assert.deepEqual(
        b.groups.map((g) => g.members),
        a.groups.map((g) => g.members),
      );
      a.points.forEach((pt, i) => {
        assert.equal(b.points[i]![0], -pt[0] || 0);
        assert.equal(b.points[i]![1], -pt[1] || 0);
      });
      return true;
    }),
    { numRuns: 30 },
  );
});
