// The layering rule (docs/ARCHITECTURE.md, "Layers and boundaries"), checked over every source
// file by test/support/boundaries.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundaryViolations, readMigrations, readSources, type SourceFile } from './support/boundaries.ts';

const RULE = [
  'Layering rule broken. A module reaches another only through its index.ts; platform/ never imports',
  'modules/ or ui/; routes and views never import a repository (a route calls a service); SQL only in',
  '*.repository.ts; a route never opens a transaction (the use case in a service owns it); seed code',
  "writes only its own module's tables (another's through that module's index.ts):",
].join('\n');

// Known breaches, still to be moved into services and repositories (issue 8). The list only
// shrinks: a new breach fails the test, and so does a fixed one left on the list.
const KNOWN: readonly string[] = [
  'src/modules/directory/directory.seed.ts: SQL outside a repository',
  'src/modules/evidence/evidence.write-path.ts: SQL outside a repository',
];

test('every source file keeps to the layering rule', () => {
  const problems = boundaryViolations(readSources(), readMigrations());
  const known = new Set(KNOWN);
  const added = problems.filter((p) => !known.has(p));
  assert.deepEqual(added, [], `${RULE}\n  ${added.join('\n  ')}`);
  const fixed = KNOWN.filter((p) => !problems.includes(p));
  assert.deepEqual(fixed, [], `Fixed, so take these off KNOWN in test/boundaries.test.ts:\n  ${fixed.join('\n  ')}`);
});

test('the checker catches each kind of violation', () => {
  const fake = (p: string, text: string): SourceFile => ({ path: p, text });
  const problems = boundaryViolations(
    [
      fake(
        'src/modules/voice/voice.routes.tsx',
        "import { x } from './voice.repository.ts';\ndb.transaction().execute(f);",
      ),
      fake(
        'src/modules/voice/voice.service.ts',
        "import { y } from '../network/network.repository.ts';\nsql`select 1`;",
      ),
      fake('src/modules/voice/voice.views.tsx', "import type { Row } from './voice.repository.ts';"),
      fake('src/platform/http/forms.ts', "import { Field } from '../../ui/components.tsx';"),
      fake('src/modules/voice/voice.repository.ts', "import { z } from '../network/index.ts';\ndb.selectFrom('t');"),
      fake('src/modules/voice/index.ts', 'export const voiceModule = { name: "voice", migrationsRange: [400, 499] };'),
      fake(
        'src/modules/network/index.ts',
        'export const networkModule = { name: "network", migrationsRange: [1, 99] };',
      ),
      fake(
        'src/modules/voice/voice.seed.ts',
        "await tx.insertInto('voice_votes').values(v);\nawait tx.updateTable('organisations').set(o);",
      ),
      fake(
        'src/modules/demo/demo.seed.ts',
        "await tx.insertInto('people').values(p);\nawait sql`insert into voice_votes (id) values (1)`;",
      ),
    ],
    [
      fake('migrations/0001_platform.sql', 'create table organisations (id uuid);\ncreate table people (id uuid);'),
      fake('migrations/0400_voice.sql', 'create table if not exists voice_votes (id uuid);'),
    ],
  );
  assert.deepEqual(problems, [
    'src/modules/voice/voice.routes.tsx: route imports repository voice/voice.repository.ts',
    'src/modules/voice/voice.routes.tsx: route opens a transaction',
    "src/modules/voice/voice.service.ts: imports network/network.repository.ts, not its module's index.ts",
    'src/modules/voice/voice.service.ts: SQL outside a repository',
    'src/modules/voice/voice.views.tsx: view imports repository voice/voice.repository.ts',
    'src/platform/http/forms.ts: platform imports ui/components.tsx',
    'src/modules/voice/voice.seed.ts: SQL outside a repository',
    "src/modules/voice/voice.seed.ts: seed writes network/demo's table organisations",
    'src/modules/demo/demo.seed.ts: SQL outside a repository',
    "src/modules/demo/demo.seed.ts: seed writes voice's table voice_votes",
  ]);
});
