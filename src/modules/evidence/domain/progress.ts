// One person's scores over time, a series per measure, and the change from their first to their
// latest in words. Pure: the participant page, the printable report and the self-completion
// confirmation all draw from this.
import type { InstrumentDefinition } from './instrument-definition.ts';

export interface ScoredQuestionnaire {
  instrumentKey: string;
  date: string;
  timePoint: string | null;
  scores: Record<string, number>;
  definition: InstrumentDefinition | undefined;
  /** When it was recorded: two on the same day are in the order they were made. */
  recordedAt?: Date;
}

export interface ProgressPoint {
  date: string;
  timePoint: string | null;
  score: number;
}

export interface MeasureProgress {
  id: string;
  instrument: string;
  measure: string;
  range: { min: number; max: number };
  direction: 'higher_is_better' | 'lower_is_better';
  points: ProgressPoint[];
}

/** A series per measure, oldest first; measures in the order their questionnaires define them. */
export function progressByMeasure(questionnaires: readonly ScoredQuestionnaire[]): MeasureProgress[] {
  const series = new Map<string, MeasureProgress>();
  const ordered = [...questionnaires].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0),
  );
  for (const q of ordered) {
    if (!q.definition) continue;
    for (const m of q.definition.measures) {
      const score = q.scores[m.key];
      if (typeof score !== 'number') continue;
      const id = `${q.instrumentKey}.${m.key}`;
      let s = series.get(id);
      if (!s) {
        s = {
          id,
          instrument: q.definition.short_name,
          measure: m.name,
          range: m.range,
          direction: m.direction,
          points: [],
        };
        series.set(id, s);
      }
      s.points.push({ date: q.date, timePoint: q.timePoint, score });
    }
  }
  return [...series.values()];
}

/** The same, from stored questionnaire rows and the definitions of their versions ("key@version"). */
export function progressOfRows(
  rows: readonly {
    instrument_key: string;
    instrument_version: string;
    assessed_on: string;
    time_point: string | null;
    scores: unknown;
    created_at?: Date;
  }[],
  versions: ReadonlyMap<string, { definition: InstrumentDefinition }>,
): MeasureProgress[] {
  return progressByMeasure(
    rows.map((a) => ({
      instrumentKey: a.instrument_key,
      date: a.assessed_on,
      timePoint: a.time_point,
      scores: a.scores as Record<string, number>,
      definition: versions.get(`${a.instrument_key}@${a.instrument_version}`)?.definition,
      recordedAt: a.created_at,
    })),
  );
}

const points = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

/**
 * "Up 9 points out of 50 since the first, 3 February 2026. Higher is better." Spoken to staff
 * and to the person alike, so it never says "improved" for them: what the change means is theirs.
 */
export function describeProgress(p: MeasureProgress, formatDate: (iso: string) => string): string {
  const first = p.points[0]!;
  const latest = p.points[p.points.length - 1]!;
  const better = p.direction === 'higher_is_better' ? 'Higher is better.' : 'Lower is better.';
  if (p.points.length === 1) return `${first.score} on ${formatDate(first.date)}, the only one so far. ${better}`;
  const change = latest.score - first.score;
  const span = p.range.max - p.range.min;
  const moved =
    change === 0 ? 'The same as' : `${change > 0 ? 'Up' : 'Down'} ${points(Math.abs(change))} out of ${span} since`;
  return `${latest.score} on ${formatDate(latest.date)}. ${moved} the first, ${first.score} on ${formatDate(first.date)}. ${better}`;
}

/** "Recovery capital (BARC-10)", "Anxiety (ONS4)"; a questionnaire's only measure of the same name once. */
export function measureTitle(p: Pick<MeasureProgress, 'measure' | 'instrument'>): string {
  const name = p.measure.replace(/\s*\([^)]*\)\s*$/, '');
  return name.toLowerCase() === p.instrument.toLowerCase() ? name : `${name} (${p.instrument})`;
}
