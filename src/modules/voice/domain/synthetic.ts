// Synthetic consultations with planted opinion groups, for tests and benchmarks. Pure and seeded.
import type { VoteRecord, VoteValue } from './analysis.ts';

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlantedConsultation {
  votes: VoteRecord[];
  statements: string[];
  /** The planted group of each participant id. */
  groupOf: Map<string, number>;
  /** Statements every group agrees with. */
  common: string[];
}

/**
 * `groups` groups of `size` people over `statementCount` statements. Each group has its own
 * leaning on each statement (agree or disagree), and people follow it with probability
 * `fidelity`, pass sometimes, and skip `missing` of the statements. The first `commonCount`
 * statements are ones every group leans to agree with.
 */
export function plantedConsultation(o: {
  groups: number;
  size: number;
  statementCount: number;
  missing: number;
  fidelity?: number;
  commonCount?: number;
  seed?: number;
}): PlantedConsultation {
  const rand = seededRandom(o.seed ?? 1);
  const fidelity = o.fidelity ?? 0.85;
  const commonCount = o.commonCount ?? 2;
  const statements = Array.from({ length: o.statementCount }, (_, j) => `s${String(j).padStart(4, '0')}`);
  // Group g leans to disagree with statement j when (j + g) is a multiple of the number of
  // groups, and to agree otherwise: each group has its own pattern, and (for three groups or
  // more) each divided statement is opposed by one group. The first `commonCount` everyone agrees with.
  const leaning: VoteValue[][] = Array.from({ length: o.groups }, (_, g) =>
    statements.map((_, j) => (j < commonCount ? 1 : (j + g) % o.groups === 0 ? -1 : 1) as VoteValue),
  );
  const votes: VoteRecord[] = [];
  const groupOf = new Map<string, number>();
  for (let g = 0; g < o.groups; g++) {
    for (let i = 0; i < o.size; i++) {
      const participant = `p${g}-${String(i).padStart(5, '0')}`;
      groupOf.set(participant, g);
      statements.forEach((statement, j) => {
        if (rand() < o.missing) return;
        const r = rand();
        const lean = leaning[g]![j]!;
        const value: VoteValue = r < fidelity ? lean : r < fidelity + 0.05 ? 0 : (-lean as VoteValue);
        votes.push({ participant, statement, value });
      });
    }
  }
  return { votes, statements, groupOf, common: statements.slice(0, commonCount) };
}
