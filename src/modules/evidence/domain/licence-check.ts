// Licensed instruments (SWEMWBS, for example) are never shipped: a network that holds a licence
// installs the definition it received. We insist on recording the licence reference so the
// network can show it is entitled to use the instrument if ever asked.

import type { DefinitionProblem, InstrumentDefinition } from './instrument-definition.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export function checkUploadedDefinitionLicence(
  definition: InstrumentDefinition,
): Result<InstrumentDefinition, DefinitionProblem> {
  if (definition.licence.free_to_use) return ok(definition);
  const reference = definition.licence.reference?.trim() ?? '';
  if (reference === '') {
    return fail([
      {
        path: 'licence.reference',
        message: `${definition.short_name} is not free to use, so record the licence or registration reference you were given (for example the registration number from the licence email) in licence.reference before installing it`,
      },
    ]);
  }
  return ok(definition);
}
