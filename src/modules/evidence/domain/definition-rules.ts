// Checks that relate fields of a definition to each other. The zod schema has already confirmed
// the shape; here we make sure the definition can be scored correctly and honestly: every item
// is used, ranges match what the answers allow, a lookup table covers every possible raw total,
// bands sit inside the range, and any missing psychometric figure is explained.

import type { DefinitionProblem, InstrumentDefinition, Measure } from './instrument-definition.ts';
import { itemsOfMeasure, MAX_DISTINCT_TOTALS, rawTotalRange, reachableRawTotals, tidy } from './score-arithmetic.ts';

export function checkDefinitionRules(definition: InstrumentDefinition): DefinitionProblem[] {
  return [
    ...checkItems(definition),
    ...checkMeasuresReferToItems(definition),
    ...checkScoringShape(definition),
    ...definition.measures.flatMap((measure, index) => checkMeasure(definition, measure, index)),
    ...checkScope(definition),
  ];
}

function measurePath(index: number, measure: Measure): string {
  return `measures[${index}] '${measure.key}'`;
}

function checkItems(definition: InstrumentDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seenKeys = new Set<string>();
  definition.items.forEach((item, index) => {
    const path = `items[${index}] '${item.key}'`;
    if (seenKeys.has(item.key))
      problems.push({
        path,
        message: `the item key '${item.key}' is used more than once; each item needs its own key`,
      });
    seenKeys.add(item.key);

    const values = new Set<number>();
    const labels = new Set<string>();
    for (const option of item.options) {
      if (values.has(option.value))
        problems.push({
          path,
          message: `two answers have the score ${option.value}; each answer needs a different score`,
        });
      values.add(option.value);
      // Imports match answers by label as well as by score, so labels must be distinguishable.
      const label = option.label.trim().toLowerCase();
      if (labels.has(label))
        problems.push({
          path,
          message: `two answers are labelled '${option.label}'; each answer needs a different label`,
        });
      labels.add(label);
    }
  });
  return problems;
}

function checkMeasuresReferToItems(definition: InstrumentDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const itemKeys = new Set(definition.items.map((item) => item.key));
  const measureKeys = new Set<string>();
  const usedItems = new Set<string>();
  definition.measures.forEach((measure, index) => {
    const path = measurePath(index, measure);
    if (measureKeys.has(measure.key))
      problems.push({ path, message: `the measure key '${measure.key}' is used more than once` });
    measureKeys.add(measure.key);
    const inThisMeasure = new Set<string>();
    for (const itemKey of measure.items) {
      if (!itemKeys.has(itemKey))
        problems.push({ path, message: `refers to item '${itemKey}', which is not in the items list` });
      if (inThisMeasure.has(itemKey)) problems.push({ path, message: `lists item '${itemKey}' twice` });
      inThisMeasure.add(itemKey);
      usedItems.add(itemKey);
    }
  });
  for (const item of definition.items) {
    if (!usedItems.has(item.key))
      problems.push({
        path: `items '${item.key}'`,
        message: 'this item is not used by any measure, so its answer would never count',
      });
  }
  return problems;
}

function checkScoringShape(definition: InstrumentDefinition): DefinitionProblem[] {
  const { scoring, measures, items } = definition;
  const problems: DefinitionProblem[] = [];
  if (scoring.method === 'separate') {
    measures.forEach((measure, index) => {
      if (measure.items.length !== 1) {
        problems.push({
          path: measurePath(index, measure),
          message: `with 'separate' scoring each measure is exactly one item, but this one lists ${measure.items.length}`,
        });
      }
    });
    const counts = new Map<string, number>();
    for (const measure of measures)
      for (const itemKey of measure.items) counts.set(itemKey, (counts.get(itemKey) ?? 0) + 1);
    for (const [itemKey, count] of counts) {
      if (count > 1)
        problems.push({
          path: 'measures',
          message: `with 'separate' scoring item '${itemKey}' may belong to only one measure, but ${count} measures use it`,
        });
    }
  }
  if (scoring.method === 'lookup') {
    if (measures.length !== 1) {
      problems.push({
        path: 'measures',
        message: `with 'lookup' scoring there must be exactly one measure (the table converts one raw total), but there are ${measures.length}`,
      });
    } else if (measures[0] && measures[0].items.length !== items.length) {
      problems.push({
        path: measurePath(0, measures[0]),
        message:
          "with 'lookup' scoring the measure must use every item, because the table converts the total of all answers",
      });
    }
  }
  return problems;
}

function checkMeasure(definition: InstrumentDefinition, measure: Measure, index: number): DefinitionProblem[] {
  const path = measurePath(index, measure);
  const items = itemsOfMeasure(definition, measure);
  if (items.length !== measure.items.length) return []; // already reported as an unknown item

  const problems: DefinitionProblem[] = [];
  const { range } = measure;
  if (range.min >= range.max)
    problems.push({ path: `${path}.range`, message: `min (${range.min}) must be below max (${range.max})` });

  const expected = expectedRange(definition, items, problems);
  if (expected && (tidy(expected.min) !== tidy(range.min) || tidy(expected.max) !== tidy(range.max))) {
    problems.push({
      path: `${path}.range`,
      message: `the range says ${range.min} to ${range.max}, but the answers and scoring give scores from ${expected.min} to ${expected.max}`,
    });
  }

  problems.push(...checkBands(measure, path));

  if ((measure.reliability === null || measure.reference_sd === null) && !measure.psychometrics_note) {
    problems.push({
      path,
      message:
        'reliability or reference_sd is null, so add a psychometrics_note saying why (for example, not found in a trustworthy source)',
    });
  }
  return problems;
}

/** The range the scoring method really produces; lookup tables are checked here too. */
function expectedRange(
  definition: InstrumentDefinition,
  items: ReturnType<typeof itemsOfMeasure>,
  problems: DefinitionProblem[],
): { min: number; max: number } | null {
  const raw = rawTotalRange(items);
  const { scoring } = definition;
  switch (scoring.method) {
    case 'sum':
    case 'separate':
      return raw;
    case 'mean':
      return { min: tidy(raw.min / items.length), max: tidy(raw.max / items.length) };
    case 'lookup':
      return checkLookupTable(scoring.table, items, problems);
  }
}

function checkLookupTable(
  table: ReadonlyArray<{ raw: number; score: number }>,
  items: ReturnType<typeof itemsOfMeasure>,
  problems: DefinitionProblem[],
): { min: number; max: number } | null {
  const reachable = reachableRawTotals(items);
  if (reachable === null) {
    problems.push({
      path: 'scoring.table',
      message: `the answers can add up to more than ${MAX_DISTINCT_TOTALS} different totals, which is too many for a lookup table`,
    });
    return null;
  }
  const rows = new Map<number, number>();
  for (const row of table) {
    const raw = tidy(row.raw);
    if (rows.has(raw)) problems.push({ path: 'scoring.table', message: `raw total ${row.raw} appears more than once` });
    rows.set(raw, row.score);
  }
  const reachableSet = new Set(reachable);
  const missing = reachable.filter((total) => !rows.has(total));
  if (missing.length > 0) {
    problems.push({
      path: 'scoring.table',
      message: `the table must cover every possible raw total (${describeTotals(reachable)}), but it has no row for ${missing.join(', ')}`,
    });
  }
  const unreachable = [...rows.keys()].filter((raw) => !reachableSet.has(raw));
  if (unreachable.length > 0) {
    problems.push({
      path: 'scoring.table',
      message: `the table has rows for raw totals no set of answers can produce: ${unreachable.join(', ')}`,
    });
  }
  const scores = reachable.flatMap((total) => (rows.has(total) ? [rows.get(total) as number] : []));
  if (scores.length === 0) return null;
  return { min: Math.min(...scores), max: Math.max(...scores) };
}

function describeTotals(totals: readonly number[]): string {
  const first = totals[0];
  const last = totals[totals.length - 1];
  return first === last ? `${first}` : `${first} to ${last}`;
}

function checkBands(measure: Measure, path: string): DefinitionProblem[] {
  if (!measure.bands) return [];
  const problems: DefinitionProblem[] = [];
  const keys = new Set<string>();
  let previousMax = -Infinity;
  measure.bands.bands.forEach((band, index) => {
    const bandPath = `${path}.bands[${index}] '${band.key}'`;
    if (keys.has(band.key))
      problems.push({ path: bandPath, message: `the band key '${band.key}' is used more than once` });
    keys.add(band.key);
    if (band.min > band.max) problems.push({ path: bandPath, message: `min (${band.min}) is above max (${band.max})` });
    if (band.min < measure.range.min || band.max > measure.range.max) {
      problems.push({
        path: bandPath,
        message: `${band.min} to ${band.max} goes outside the measure's range of ${measure.range.min} to ${measure.range.max}`,
      });
    }
    if (band.min <= previousMax)
      problems.push({ path: bandPath, message: 'bands must be listed from lowest to highest without overlapping' });
    previousMax = band.max;
  });
  return problems;
}

function checkScope(definition: InstrumentDefinition): DefinitionProblem[] {
  // An organisation's own measure is not comparable across the network, so it must not be pooled.
  if (definition.scope === 'organisation' && definition.pooled_by_network) {
    return [
      {
        path: 'pooled_by_network',
        message: "an organisation's own measure cannot be pooled by the network; set pooled_by_network to false",
      },
    ];
  }
  return [];
}
