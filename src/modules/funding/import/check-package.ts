// Checks a read package against the standard: every grant on its own (so a problem names its
// grant), duplicate ids, and the metadata. Pure: no database.
import { describeGrantErrors, grantIdOf, type GrantProblem } from './problems.ts';
import type { ReadPackage } from './read-file.ts';
import { validateGrant, validatePackageMeta } from './schema.ts';
import { toGrantRecord, type GrantRecord } from './to-record.ts';

export interface PackageCheck {
  records: GrantRecord[];
  problems: GrantProblem[];
  /** How many problems there were in all; `problems` keeps the first MAX_PROBLEMS. */
  problemCount: number;
}

export const MAX_PROBLEMS = 50;

export function checkPackage(pkg: ReadPackage): PackageCheck {
  const problems: GrantProblem[] = [];
  let problemCount = 0;
  const add = (p: GrantProblem[]) => {
    problemCount += p.length;
    for (const one of p) if (problems.length < MAX_PROBLEMS) problems.push(one);
  };
  for (const e of validatePackageMeta(pkg.meta)) {
    add([{ where: 'Package details', grantId: '-', field: e.instancePath.slice(1) || 'package', message: e.message ?? 'is not valid' }]);
  }
  if (pkg.grants.length === 0) add([{ where: 'File', grantId: '-', field: 'Grants (grants)', message: 'has no grants in it' }]);
  const seen = new Map<string, string>();
  const records: GrantRecord[] = [];
  for (const { where, grant } of pkg.grants) {
    const errors = validateGrant(grant);
    if (errors.length > 0) {
      add(describeGrantErrors(errors, grant, where));
      continue;
    }
    const id = grantIdOf(grant);
    const first = seen.get(id);
    if (first) {
      add([{ where, grantId: id, field: 'Identifier (id)', message: `is the same as ${first}'s: each grant needs its own id` }]);
      continue;
    }
    seen.set(id, where);
    records.push(toGrantRecord(grant));
  }
  return { records, problems, problemCount };
}
