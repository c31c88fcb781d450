// The instruments shipped with the platform and enabled for every network. They are plain JSON
// files (src/modules/evidence/instruments/) so they can be reviewed, diffed and cited like data;
// they are validated here once, when the module loads, so a bad edit fails loudly in tests.
// Licensed instruments (SWEMWBS, Outcomes Star, REC-CAP) are deliberately not shipped: see
// docs/INSTRUMENTS.md.

import ons4Json from '../instruments/ons4.json' with { type: 'json' };
import barc10Json from '../instruments/barc10.json' with { type: 'json' };
import type { InstrumentDefinition } from './instrument-definition.ts';
import { describeDefinitionProblems, parseInstrumentDefinition } from './parse-instrument-definition.ts';

function load(json: unknown, file: string): InstrumentDefinition {
  const parsed = parseInstrumentDefinition(json);
  if (!parsed.ok)
    throw new Error(`Shipped instrument ${file} is invalid:\n${describeDefinitionProblems(parsed.errors)}`);
  return parsed.value;
}

export const ONS4: InstrumentDefinition = load(ons4Json, 'ons4.json');
export const BARC10: InstrumentDefinition = load(barc10Json, 'barc10.json');

export const SHIPPED_INSTRUMENTS: readonly InstrumentDefinition[] = [ONS4, BARC10];

export function findShippedInstrument(key: string): InstrumentDefinition | undefined {
  return SHIPPED_INSTRUMENTS.find((definition) => definition.key === key);
}
