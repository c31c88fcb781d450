// Use cases for summaries contributed by organisations that keep records elsewhere.
import type { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { FieldErrors } from '../../../platform/http/form-fields.ts';
import type { Measure } from '../domain/instrument-definition.ts';
import type { SummaryForm } from '../evidence.schemas.ts';
import { listInstrumentsForOrg } from '../instruments/instruments.repository.ts';
import { insertSummary, listSummaries } from './summaries.repository.ts';
import type { SummariesView } from './summaries.views.tsx';

/** A mean change cannot exceed the measure's span; a baseline mean must lie inside its range. */
export function checkSummaryAgainstMeasure(
  measure: Measure,
  f: { mean_change: number; baseline_mean?: number | undefined; sd_change: number },
): FieldErrors {
  const errors: FieldErrors = {};
  const span = measure.range.max - measure.range.min;
  if (Math.abs(f.mean_change) > span)
    errors.mean_change = `${measure.name} runs from ${measure.range.min} to ${measure.range.max}, so the mean change must be between -${span} and ${span}`;
  if (f.sd_change > span)
    errors.sd_change = `The standard deviation of the change cannot be more than ${span} for ${measure.name}`;
  if (f.baseline_mean !== undefined && (f.baseline_mean < measure.range.min || f.baseline_mean > measure.range.max)) {
    errors.baseline_mean = `The mean at the start must be between ${measure.range.min} and ${measure.range.max}`;
  }
  return errors;
}

/** The measures a summary can be for: only instruments the network pools, never an organisation's own. */
async function poolableMeasures(deps: Deps, orgId: string) {
  return (await listInstrumentsForOrg(deps.db, orgId))
    .filter((i) => i.definition.pooled_by_network)
    .flatMap((i) =>
      i.definition.measures.map((m) => ({
        value: `${i.key}:${m.key}`,
        label: `${i.definition.short_name}: ${m.name}`,
        instrument: i,
        measure: m,
      })),
    );
}

export async function loadSummariesPage(deps: Deps, org: OrgTarget): Promise<SummariesView> {
  const [options, rows] = await Promise.all([poolableMeasures(deps, org.id), listSummaries(deps.db, org.id)]);
  return {
    org,
    measures: options.map((o) => ({
      value: o.value,
      label: `${o.label} (${o.measure.range.min} to ${o.measure.range.max})`,
    })),
    rows: rows.map((r) => ({
      measure:
        options.find((o) => o.value === `${r.instrument_key}:${r.measure_key}`)?.label ??
        `${r.instrument_key} ${r.measure_key}`,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      n: r.n_paired,
      meanChange: r.mean_change,
      sdChange: r.sd_change,
      method: r.collection_method,
    })),
  };
}

/** Stores one summary with its audit entry, or says what is wrong with it. */
export async function contributeSummary(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  f: z.infer<typeof SummaryForm>,
): Promise<{ ok: true; label: string } | { ok: false; errors: FieldErrors }> {
  const chosen = (await poolableMeasures(deps, org.id)).find((o) => o.value === f.measure);
  if (!chosen) return { ok: false, errors: { measure: 'Choose the questionnaire and measure' } };
  const rangeErrors = checkSummaryAgainstMeasure(chosen.measure, f);
  if (Object.keys(rangeErrors).length > 0) return { ok: false, errors: rangeErrors };
  await deps.db.transaction().execute(async (tx) => {
    await insertSummary(tx, org.id, {
      instrumentKey: chosen.instrument.key,
      instrumentVersion: chosen.instrument.version,
      measureKey: chosen.measure.key,
      periodStart: f.period_start,
      periodEnd: f.period_end,
      nPaired: f.n_paired,
      meanChange: f.mean_change,
      sdChange: f.sd_change,
      baselineMean: f.baseline_mean ?? null,
      baselineSd: f.baseline_sd ?? null,
      collectionMethod: f.collection_method,
      createdBy: actor.personId,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'summary.contributed',
      subjectType: 'instrument',
      subjectId: chosen.instrument.key,
    });
  });
  return { ok: true, label: chosen.label };
}
