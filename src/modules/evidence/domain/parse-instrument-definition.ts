// The single entry point for turning untrusted JSON (a shipped file, an upload, a form) into an
// InstrumentDefinition: shape first (zod), then the cross-field rules. Problems come back as a
// list of plain sentences with a path, so an uploader can fix everything in one go.

import { instrumentDefinitionSchema } from './instrument-definition.ts';
import type { DefinitionProblem, InstrumentDefinition } from './instrument-definition.ts';
import { checkDefinitionRules } from './definition-rules.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export function parseInstrumentDefinition(json: unknown): Result<InstrumentDefinition, DefinitionProblem> {
  const parsed = instrumentDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  const problems = checkDefinitionRules(parsed.data);
  return problems.length > 0 ? fail(problems) : ok(parsed.data);
}

/** ['items', 3, 'options'] -> "items[3].options"; the top level is "(definition)". */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(definition)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One problem per line, for logs, CLI output and error pages. */
export function describeDefinitionProblems(problems: readonly DefinitionProblem[]): string {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
}
