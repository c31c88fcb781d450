// Consultation analysis time for 100 participants × 60 statements and 2,000 × 300, with 20%
// of votes missing, against a baseline measured in the same run: building the vote matrix
// alone (the least any analysis must do). Run: node --import tsx bench/voice-analysis.ts
import { analyse, buildVoteMatrix } from '../src/modules/voice/domain/analysis.ts';
import { plantedConsultation } from '../src/modules/voice/domain/synthetic.ts';

function time(fn: () => void, runs: number): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

for (const [groups, size, statements, runs] of [
  [4, 25, 60, 10],
  [4, 500, 300, 2],
] as const) {
  const p = plantedConsultation({ groups, size, statementCount: statements, missing: 0.2, seed: 7 });
  const baseline = time(() => void buildVoteMatrix(p.votes, p.statements), runs);
  const full = time(() => void analyse(p.votes, p.statements), runs);
  console.log(
    `${groups * size} participants × ${statements} statements (${p.votes.length} votes): analysis ${full.toFixed(1)} ms, matrix alone ${baseline.toFixed(1)} ms, ratio ${(full / baseline).toFixed(1)}`,
  );
}
