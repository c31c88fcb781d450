// `npm run bench`: every benchmark, on the embedded database, or on PostgreSQL when
// DATABASE_URL is set. Pass names to run only some: `npm run bench -- platform`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.ts';

interface Bench {
  name: string;
  file: string;
  fn: string;
}

// Each module's benchmark exports one async function returning a Markdown section.
const BENCHES: Bench[] = [
  { name: 'platform', file: 'platform.bench.ts', fn: 'runPlatformBench' },
  { name: 'directory', file: 'directory.bench.ts', fn: 'runDirectoryBench' },
  { name: 'evidence-import', file: 'evidence-import.bench.ts', fn: 'runEvidenceImportBench' },
  { name: 'import-uploads', file: 'import-uploads.bench.ts', fn: 'runImportUploadsBench' },
  { name: 'insight', file: 'insight.bench.ts', fn: 'runInsightBench' },
  { name: 'learning', file: 'learning.bench.ts', fn: 'runLearningBench' },
  { name: 'events', file: 'events.bench.ts', fn: 'runEventsBench' },
  { name: 'funding-import', file: 'funding-import.bench.ts', fn: 'runFundingImportBench' },
  { name: 'first-start', file: 'first-start.bench.ts', fn: 'runFirstStartBench' },
  { name: 'load', file: 'load.ts', fn: 'runLoadBench' },
  { name: 'voice', file: 'voice.bench.ts', fn: 'runVoiceBench' },
];

const wanted = process.argv.slice(2);
for (const b of BENCHES) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  const file = path.join(ROOT, 'bench', b.file);
  if (!existsSync(file)) continue;
  const mod = (await import(file)) as Record<string, () => Promise<string>>;
  console.log(`\n## ${b.name}\n`);
  console.log(await mod[b.fn]!());
}
