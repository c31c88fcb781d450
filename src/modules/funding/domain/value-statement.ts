// An organisation's value statement: what it achieves and what that is worth, built only from
// its own evidence. Every figure carries its method; a value for every £1 is given only when
// real running costs were entered and there is a valued outcome; whatever is missing is named
// instead of being guessed or shown as £0. The unit values (a WELLBY, an hour of volunteer
// time) are the insight module's published, cited figures; nothing else is priced.
import { calculateSocialValue, DEFAULT_ASSUMPTIONS, type SocialValueAssumptions } from '../../insight/index.ts';
import { formatMoney } from './money.ts';

export interface ValueEvidence {
  participants: number;
  sessions: number;
  attendance: number;
  volunteerHours: number;
  /** Paired ONS life satisfaction change among the organisation's own people, or null when fewer than 2. */
  lifeSatisfaction: { n: number; meanChange: number; ciLow: number; ciHigh: number } | null;
  runningCostsPence: number | null;
  costsYear: string;
}

export interface ValueLine {
  label: string;
  value: string;
  method: string;
}

export interface ValueStatement {
  achieved: ValueLine[];
  worth: ValueLine[];
  /** Value for every £1 of running costs, only when it can honestly be given. */
  perPound: { central: string; low: string; high: string; method: string } | null;
  /** What is missing for a fuller statement, in plain words. */
  missing: string[];
}

const pounds = (v: number) => formatMoney(Math.round(v) * 100);
const whole = (n: number) => Math.round(n).toLocaleString('en-GB');

export function buildValueStatement(e: ValueEvidence, a: SocialValueAssumptions = DEFAULT_ASSUMPTIONS): ValueStatement {
  const missing: string[] = [];
  const achieved: ValueLine[] = [
    {
      label: 'People supported',
      value: whole(e.participants),
      method: 'Participants recorded by the organisation (each person once).',
    },
    { label: 'Sessions run', value: whole(e.sessions), method: 'Sessions recorded by the organisation.' },
    { label: 'Attendances', value: whole(e.attendance), method: 'Sum of the people recorded at each session.' },
    { label: 'Volunteer hours', value: whole(e.volunteerHours), method: 'Hours recorded against sessions.' },
  ];
  if (e.participants === 0 && e.sessions === 0)
    missing.push(
      'No activities or participants are recorded yet: record sessions and attendance, or import the spreadsheet you already keep.',
    );
  const ls = e.lifeSatisfaction && e.lifeSatisfaction.n >= 2 ? e.lifeSatisfaction : null;
  if (ls) {
    achieved.push({
      label: 'Change in life satisfaction',
      value: `${ls.meanChange >= 0 ? '+' : ''}${ls.meanChange.toFixed(2)} points (95% CI ${ls.ciLow.toFixed(2)} to ${ls.ciHigh.toFixed(2)}), ${ls.n} people`,
      method:
        'ONS personal wellbeing question "How satisfied are you with your life nowadays?" (0 to 10): each person\'s latest answer minus their first, averaged; the interval from the t distribution.',
    });
  } else {
    missing.push(
      'Life satisfaction answered by the same people at least twice (the ONS4 questions, at the start and later): without it, no wellbeing value can be worked out.',
    );
  }
  if (e.volunteerHours === 0)
    missing.push('Volunteer hours: none are recorded, so the time volunteers give is not counted.');
  const costs = e.runningCostsPence === null ? 0 : e.runningCostsPence / 100;
  if (e.runningCostsPence === null)
    missing.push(
      'What a year of the work costs to run: without real running costs no value for every £1 is given (a ratio against £0 would mean nothing).',
    );
  const r = calculateSocialValue({ lifeSatisfaction: ls, volunteerHours: e.volunteerHours, costs }, a);
  const worth: ValueLine[] = [];
  if (ls) {
    worth.push({
      label: 'Wellbeing value',
      value: pounds(r.adjustedWellbeing),
      method: `${r.lines[0]!.workings} Source: ${a.wellbyValue2019.source}.`,
    });
  }
  if (e.volunteerHours > 0) {
    worth.push({
      label:
        a.volunteerTime === 'input' ? 'Volunteer time (counted as a cost of the work, not as value)' : 'Volunteer time',
      value: pounds(r.volunteerValue),
      method: `${r.lines[1]!.workings}. Source: ${a.hourlyPay.source}.`,
    });
  }
  if (e.runningCostsPence !== null) {
    worth.push({
      label: `Running costs${e.costsYear ? ` (${e.costsYear})` : ''}`,
      value: formatMoney(e.runningCostsPence),
      method: 'Entered by the organisation.',
    });
  }
  let perPound: ValueStatement['perPound'] = null;
  if (r.valuePerPound !== null && ls && r.totalValue > 0) {
    const iv = r.valuePerPoundInterval;
    perPound = {
      central: `£${r.valuePerPound.toFixed(2)}`,
      low: iv ? `£${iv.low.toFixed(2)}` : '–',
      high: iv ? `£${iv.high.toFixed(2)}` : '–',
      method: `Social value ${pounds(r.totalValue)} ÷ costs ${pounds(r.totalCosts)}${a.volunteerTime === 'input' ? ' (running costs plus volunteer time valued as a cost)' : ''}; the range uses the ends of the 95% interval of the change in life satisfaction.`,
    };
  } else if (e.runningCostsPence !== null && !ls) {
    missing.push(
      'A value for every £1 also needs a valued outcome: with no life satisfaction change there is nothing to set against the costs yet.',
    );
  }
  return { achieved, worth, perPound, missing };
}
