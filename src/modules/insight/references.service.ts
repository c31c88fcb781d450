// Works out the network's own references for reliable change and puts them in use; and says,
// for the Methods page, what each network questionnaire is judged by.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { SHIPPED_INSTRUMENTS, type InstrumentDefinition, type Measure } from '../evidence/index.ts';
import {
  MINIMUM_REFERENCE_SAMPLE,
  chooseReference,
  estimateReference,
  type ReferenceChoice,
} from './domain/reference-estimates.ts';
import { roundToNearestFive } from './domain/disclosure.ts';
import {
  readFirstAnswers,
  readNetworkReferences,
  replaceNetworkReferences,
  type NetworkReferenceRow,
} from './references.repository.ts';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Alpha is about questions added up; a looked-up or separate score has no alpha of its items here. */
const addsUpItems = (d: InstrumentDefinition, m: Measure) =>
  m.items.length >= 2 && (d.scoring.method === 'sum' || d.scoring.method === 'mean');

const published = (m: Measure) => ({
  reliability: m.reliability?.value ?? null,
  sd: m.reference_sd?.value ?? null,
  items: m.items.length,
});

export interface EstimateOutcome {
  instrument: string;
  measure: string;
  people: number;
  choice: ReferenceChoice;
}

/**
 * From every consenting person's first answers across the network: the spread of first scores
 * and, where it applies, alpha. Measures with a published SD keep it. Replaces the stored
 * references in one transaction, and everyone judged by a changed rule is recomputed with them.
 */
export async function estimateNetworkReferences(db: Kysely<DB>): Promise<EstimateOutcome[]> {
  return db.transaction().execute(async (tx) => {
    const rows: Omit<NetworkReferenceRow, 'computedAt'>[] = [];
    const outcomes: EstimateOutcome[] = [];
    for (const definition of SHIPPED_INSTRUMENTS) {
      const measures = definition.measures.filter((m) => !(m.reliability && m.reference_sd));
      if (measures.length === 0) continue;
      const answers = await readFirstAnswers(tx, definition.key);
      for (const m of measures) {
        const firstScores = answers.map((a) => a.scores[m.key]).filter(isNumber);
        const itemRows = addsUpItems(definition, m)
          ? answers.map((a) => m.items.map((k) => a.responses[k])).filter((r): r is number[] => r.every(isNumber))
          : [];
        const estimate = estimateReference(firstScores, itemRows);
        const choice = chooseReference(published(m), estimate);
        outcomes.push({ instrument: definition.key, measure: m.key, people: firstScores.length, choice });
        if (choice.kind === 'network' && estimate) {
          rows.push({
            instrumentKey: definition.key,
            measureKey: m.key,
            baselineSd: choice.sd,
            baselineN: estimate.baselineN,
            reliability: choice.reliability,
            reliabilityFrom: choice.reliabilityFrom,
            alphaN: choice.reliabilityFrom === 'network' ? estimate.alphaN : 0,
          });
        }
      }
    }
    await replaceNetworkReferences(tx, rows);
    return outcomes;
  });
}

export interface ReliableChangeMethod {
  measure: string;
  /** Plain words: what is used and where it came from, or why there is none. */
  how: string;
}

// Rounded as outside figures are: the count to 5 and the SD to one decimal, so a week's change
// says little about the one or two people who joined (docs/DISCLOSURE.md).
const decimal = (x: number, places: number) => x.toFixed(places);

/** For the Methods page: each shipped measure and what its reliable change uses today. */
export async function describeReliableChangeMethods(db: Kysely<DB>): Promise<ReliableChangeMethod[]> {
  const stored = new Map((await readNetworkReferences(db)).map((r) => [`${r.instrumentKey}|${r.measureKey}`, r]));
  const on = (d: Date) =>
    d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  return SHIPPED_INSTRUMENTS.flatMap((i) =>
    i.measures.map((m) => {
      const measure = `${i.short_name}: ${m.name}`;
      if (m.reliability && m.reference_sd) {
        return {
          measure,
          how: `Published figures: reliability ${m.reliability.value} (${m.reliability.source}) and a spread of first scores (SD) of ${m.reference_sd.value} (${m.reference_sd.source}).`,
        };
      }
      const r = stored.get(`${i.key}|${m.key}`);
      if (r) {
        const reliability =
          r.reliabilityFrom === 'published'
            ? `the published reliability, ${m.reliability!.value} (${m.reliability!.source})`
            : `a reliability of ${decimal(r.reliability, 2)} (Cronbach’s alpha from the same people’s answers to each question)`;
        return {
          measure,
          how: `The spread of first scores of about ${roundToNearestFive(r.baselineN).toLocaleString('en-GB')} people across the network who agreed to be included (SD ${decimal(r.baselineSd, 1)}), with ${reliability}. Worked out on ${on(r.computedAt)}, and again each week.`,
        };
      }
      const single = m.items.length < 2 && !m.reliability;
      return {
        measure,
        how: single
          ? 'A single question, with no published reliability: how much one answer would move by chance cannot be worked out from the answers themselves, so reliable change is not shown.'
          : `Not available yet: it needs the first scores of at least ${MINIMUM_REFERENCE_SAMPLE} people across the network who agreed to be included${m.reliability ? ` (the published reliability, ${m.reliability.value}, is ready)` : ''}.`,
      };
    }),
  );
}
