// The values a column may hold, as the generated schema types them: a column kept to a list by
// its CHECK constraint is that list's union, so a repository's input can say so without a cast.
import type { Selectable } from 'kysely';
import type { DB } from './schema.ts';

export type ColumnValue<T extends keyof DB, C extends keyof Selectable<DB[T]>> = Selectable<DB[T]>[C];
