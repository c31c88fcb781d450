// Regenerates src/platform/db/schema.ts from the migrations, on a fresh embedded database.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { generateSchemaTypes } from '../src/platform/db/schema-types.ts';

const database = await openDatabase({ kind: 'embedded' });
try {
  await migrate(database.pool);
  const file = fileURLToPath(new URL('../src/platform/db/schema.ts', import.meta.url));
  await writeFile(file, await generateSchemaTypes(database.pool));
  console.log(`wrote ${file}`);
} finally {
  await database.close();
}
