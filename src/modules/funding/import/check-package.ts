// Checks a grants file against the standard, one grant at a time (so a problem names its
// grant and a big file is never held whole): each grant's schema, duplicate ids, and the
// package metadata. Reads the file; writes nothing.
import { describeGrantErrors, grantIdOf, type GrantProblem } from './problems.ts';
import { readGrantFile, UnreadableGrant, type FileDetails, type GrantFileKind, type OpenFile } from './read-file.ts';
import { validateGrant, validatePackageMeta } from './schema.ts';

export interface FileCheck {
  details: FileDetails;
  /** How many grants the file holds. */
  grants: number;
  /** The first MAX_PROBLEMS problems. */
  problems: GrantProblem[];
  /** How many problems there were in all. */
  problemCount: number;
}

export const MAX_PROBLEMS = 50;

export async function checkGrantFile(kind: GrantFileKind, open: OpenFile): Promise<FileCheck> {
  const problems: GrantProblem[] = [];
  let problemCount = 0;
  const add = (p: GrantProblem[]) => {
    problemCount += p.length;
    for (const one of p) if (problems.length < MAX_PROBLEMS) problems.push(one);
  };
  const details: FileDetails = { meta: {}, ignoredColumns: [] };
  const seen = new Map<string, string>();
  let grants = 0;
  for await (const { where, grant } of readGrantFile(kind, open, details)) {
    grants++;
    if (grant instanceof UnreadableGrant) {
      add([{ where, grantId: '(no id)', field: 'the whole grant', message: grant.reason }]);
      continue;
    }
    try {
      const errors = validateGrant(grant);
      if (errors.length > 0) {
        add(describeGrantErrors(errors, grant, where));
        continue;
      }
    } catch (err) {
      // A hostile grant nested thousands deep exhausts the stack of any validator.
      if (!(err instanceof RangeError)) throw err;
      add([{ where, grantId: grantIdOf(grant), field: 'the whole grant', message: 'is nested too deeply to read' }]);
      continue;
    }
    const id = grantIdOf(grant);
    const first = seen.get(id);
    if (first) {
      add([
        {
          where,
          grantId: id,
          field: 'Identifier (id)',
          message: `is the same as ${first}'s: each grant needs its own id`,
        },
      ]);
      continue;
    }
    seen.set(id, where);
  }
  for (const e of validatePackageMeta(details.meta)) {
    add([
      {
        where: 'Package details',
        grantId: '-',
        field: e.instancePath.slice(1) || 'package',
        message: e.message ?? 'is not valid',
      },
    ]);
  }
  if (grants === 0) add([{ where: 'File', grantId: '-', field: 'Grants (grants)', message: 'has no grants in it' }]);
  return { details, grants, problems, problemCount };
}
