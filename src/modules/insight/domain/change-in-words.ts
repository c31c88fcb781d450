// A change in a measure as a sentence people say: what moved, which way, by about how much out of
// the whole scale, whether that is better or worse, and whether it could be chance. The interval
// comes last, for those who want it. Pure.
import { capitalise } from '../../../platform/text.ts';

/**
 * What people rated, as a sentence's subject, for the measures whose names are not one ("worthwhile"):
 * the ONS4 questions in plain words (ONS, Personal well-being user guidance).
 */
const PLAIN_SUBJECTS: Record<string, string> = {
  life_satisfaction: 'how satisfied people are with their life',
  worthwhile: 'how worthwhile people feel the things they do are',
  happiness: 'how happy people felt the day before',
  anxiety: 'how anxious people felt the day before',
};

export interface ChangeToDescribe {
  /** Picks a plain subject for the sentence where the name alone is not one. */
  measureKey?: string;
  /** "Recovery capital (BARC-10 total)", "Anxiety": bracketed detail is left out of the sentence. */
  measureName: string;
  /** The questionnaire, named after the measure: "BARC-10". */
  shortName?: string;
  direction: 'higher_is_better' | 'lower_is_better';
  range: { min: number; max: number };
  change: number;
  ciLow: number;
  ciHigh: number;
  /** "395" or "about 400". */
  people: string;
  /** Who the people are, when not an organisation's own: "across 4 member organisations". */
  among?: string;
}

const oneDecimal = (v: number) => (Math.abs(v) < 0.05 ? '0' : Math.abs(v).toFixed(1).replace(/\.0$/, ''));
const signedOneDecimal = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : v.toFixed(1).replace('-', '−'));
const interval = (low: number, high: number) => `${signedOneDecimal(low)} to ${signedOneDecimal(high)}`;

export function changeInWords(c: ChangeToDescribe): string {
  const plain = c.measureKey ? PLAIN_SUBJECTS[c.measureKey] : undefined;
  const name = plain ?? c.measureName.replace(/\s*\([^)]*\)\s*$/, '').toLowerCase();
  // a measure of its own questionnaire ("Feeling connected") is named once
  const what = c.shortName && c.shortName.toLowerCase() !== name ? `${name} (${c.shortName})` : name;
  const span = c.range.max - c.range.min;
  const size = oneDecimal(c.change);
  const where = c.among ? `${c.among}, ` : '';
  const tail = `(${c.people} people; 95% confidence interval ${interval(c.ciLow, c.ciHigh)})`;
  const subject = plain ? what : `people’s ${what}`;
  const opening = where ? `${capitalise(where)}${subject}` : capitalise(subject);
  if (size === '0') return `${opening} stayed about the same between their first and latest questionnaire ${tail}.`;
  const up = c.change > 0;
  const better = (c.direction === 'higher_is_better') === up;
  const chance = c.ciLow <= 0 && c.ciHigh >= 0;
  const verdict = chance
    ? 'too small a change to be sure it is not chance'
    : `${better ? 'an improvement' : 'a change for the worse'}${c.direction === 'lower_is_better' ? ', as lower is better here' : ''}`;
  const point = size === '1' ? 'point' : 'points';
  return `${opening} went ${up ? 'up' : 'down'} by about ${size} ${point} out of ${span} on average between their first and latest questionnaire: ${verdict} ${tail}.`;
}
