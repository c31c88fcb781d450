// Installing an instrument from a file someone uploads (a licensed instrument such as SWEMWBS):
// it must be a valid definition and, if it is not free to use, carry its licence reference.

import type { DefinitionProblem, InstrumentDefinition } from './instrument-definition.ts';
import { parseInstrumentDefinition } from './parse-instrument-definition.ts';
import { checkUploadedDefinitionLicence } from './licence-check.ts';
import type { Result } from './result.ts';

export function parseUploadedInstrumentDefinition(json: unknown): Result<InstrumentDefinition, DefinitionProblem> {
  const parsed = parseInstrumentDefinition(json);
  return parsed.ok ? checkUploadedDefinitionLicence(parsed.value) : parsed;
}
