// Social value, as pure arithmetic with every assumption named (sources on the Methods page):
//  - wellbeing: WELLBYs from the change in ONS life satisfaction (HM Treasury Green Book
//    Wellbeing Guidance for Appraisal, July 2021: one WELLBY = one point of life satisfaction
//    for one person for one year, £13,000 in 2019 prices), uprated to the report's prices;
//  - volunteer time: hours × ONS ASHE median hourly pay (April 2024: £18.64, full-time,
//    excluding overtime). In SROI volunteer time is an input, so by default it is added to
//    the costs, not to the value;
//  - adjustments (Cabinet Office SROI guide 2012): value × (1 − deadweight) × (1 − displacement)
//    × (1 − attribution), year n × (1 − drop-off)^(n−1), discounted to present value.
// No licensed value bank (HACT) is shipped or used.

export interface SourcedNumber {
  value: number;
  source: string;
  /** When the figure applies or was published. */
  date: string;
}

export interface SocialValueAssumptions {
  wellbyValue2019: SourcedNumber;
  /** Multiplies 2019 prices to the report's price base. */
  deflator: SourcedNumber & { priceYear: number };
  wellbyLow2019: SourcedNumber;
  wellbyHigh2019: SourcedNumber;
  hourlyPay: SourcedNumber;
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  /** How many years the change is assumed to last (1 = the year measured only). */
  durationYears: number;
  discountRate: SourcedNumber;
  volunteerTime: 'input' | 'outcome' | 'exclude';
}

const GREEN_BOOK =
  'HM Treasury, Wellbeing Guidance for Appraisal: Supplementary Green Book Guidance (July 2021), OGL v3.0';

export const DEFAULT_ASSUMPTIONS: SocialValueAssumptions = {
  wellbyValue2019: {
    value: 13_000,
    source: `${GREEN_BOOK}: £13,000 per WELLBY in 2019 prices and values`,
    date: '2021-07',
  },
  deflator: {
    value: 15_400 / 13_000,
    priceYear: 2023,
    source:
      'Implied by the uprated WELLBY of £15,400 in 2023 prices reported by BiGGAR Economics (2024), a secondary source: 15,400 ÷ 13,000. Replace with the HM Treasury GDP deflator series for your price year.',
    date: '2024-12',
  },
  wellbyLow2019: {
    value: 10_000,
    source: `${GREEN_BOOK}, Annex 2 low value. Not yet confirmed: we have not been able to check this range against the guidance itself, so check Annex 2 before publishing`,
    date: '2021-07',
  },
  wellbyHigh2019: {
    value: 16_000,
    source: `${GREEN_BOOK}, Annex 2 high value. Not yet confirmed, like the low value`,
    date: '2021-07',
  },
  hourlyPay: {
    value: 18.64,
    source:
      'ONS Annual Survey of Hours and Earnings (ASHE), April 2024: median hourly earnings excluding overtime, full-time employees',
    date: '2024-04',
  },
  deadweight: 0.25,
  displacement: 0,
  attribution: 0.25,
  dropOff: 0.33,
  durationYears: 1,
  discountRate: {
    value: 0.035,
    source:
      'Green Book social time preference rate 3.5%. Not yet confirmed for wellbeing: the wellbeing guidance may advise 1.5%, as for health. Only used when the change is assumed to last more than a year',
    date: '2022',
  },
  volunteerTime: 'input',
};

/** Why each default adjustment is what it is (shown beside the form and in packs). */
export const ADJUSTMENT_NOTES: Record<
  'deadweight' | 'displacement' | 'attribution' | 'dropOff' | 'durationYears' | 'volunteerTime',
  string
> = {
  deadweight:
    'Share of the change that would have happened anyway. Our default of 25% is a cautious platform default, not a published figure: without a comparison group a before-and-after change over-claims (HM Treasury wellbeing guidance, 2021). Use a comparison (for example the population trend in life satisfaction) if you have one.',
  displacement:
    "Share of the change that only moved a benefit from somewhere else. Default 0%: improving one person's wellbeing rarely reduces another's. Raise it if your work draws people away from other support.",
  attribution:
    'Share of the change due to others (NHS treatment, family, other groups). Default 25%, a cautious platform default; ask participants what else helped them.',
  dropOff:
    'Yearly fade of the change after the first year. Default 33%; only used when the change is assumed to last more than one year.',
  durationYears:
    'How many years the change is assumed to last. Default 1: only the year measured is counted, the most cautious choice.',
  volunteerTime:
    'In SROI, volunteer time is an input (a cost), not an outcome (Cabinet Office SROI guide, 2012). By default it is added to the costs; you can count it as value or leave it out, and the report says which.',
};

export interface SocialValueInput {
  /** Mean change in ONS life satisfaction (0–10) among people with paired scores, and its CI. */
  lifeSatisfaction: { n: number; meanChange: number; ciLow: number; ciHigh: number } | null;
  volunteerHours: number;
  /** Costs the organisation enters, in pounds. */
  costs: number;
}

export interface SocialValueLine {
  label: string;
  value: number;
  workings: string;
}

export interface SocialValueResult {
  wellbyPrice: number;
  grossWellbeing: number;
  adjustedWellbeing: number;
  volunteerValue: number;
  totalValue: number;
  totalCosts: number;
  /** Null unless the organisation entered real running costs: no ratio is ever shown against £0. */
  valuePerPound: number | null;
  /** The ratio at the ends of the 95% CI of the change in life satisfaction (the lower end may be 0). */
  valuePerPoundInterval: { low: number; high: number } | null;
  sensitivity: { label: string; totalValue: number; valuePerPound: number | null }[];
  lines: SocialValueLine[];
}

/** The multiplier for years 1..duration: Σ (1 − drop-off)^(n−1) / (1 + r)^(n−1). */
export function durationFactor(a: Pick<SocialValueAssumptions, 'dropOff' | 'durationYears' | 'discountRate'>): number {
  let factor = 0;
  for (let year = 1; year <= a.durationYears; year++)
    factor += (1 - a.dropOff) ** (year - 1) / (1 + a.discountRate.value) ** (year - 1);
  return factor;
}

export function validateAssumptions(a: SocialValueAssumptions): string[] {
  const problems: string[] = [];
  for (const key of ['deadweight', 'displacement', 'attribution', 'dropOff'] as const) {
    if (!(a[key] >= 0 && a[key] <= 1)) problems.push(`${key} must be between 0% and 100%`);
  }
  if (!Number.isInteger(a.durationYears) || a.durationYears < 1 || a.durationYears > 10)
    problems.push('durationYears must be a whole number from 1 to 10');
  if (!(a.deflator.value > 0)) problems.push('the deflator must be above 0');
  if (!(a.hourlyPay.value >= 0)) problems.push('hourly pay must be 0 or more');
  if (!(a.wellbyValue2019.value > 0)) problems.push('the WELLBY value must be above 0');
  return problems;
}

const pounds = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;

export function calculateSocialValue(
  input: SocialValueInput,
  a: SocialValueAssumptions = DEFAULT_ASSUMPTIONS,
): SocialValueResult {
  const problems = validateAssumptions(a);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const keep = (1 - a.deadweight) * (1 - a.displacement) * (1 - a.attribution);
  const years = durationFactor(a);
  const ls = input.lifeSatisfaction;
  const wellbeingAt = (price2019: number, change: number) => {
    const price = price2019 * a.deflator.value;
    const gross = ls ? Math.max(0, change) * ls.n * price : 0;
    return { price, gross, adjusted: gross * keep * years };
  };
  const central = wellbeingAt(a.wellbyValue2019.value, ls?.meanChange ?? 0);
  const volunteerValue = input.volunteerHours * a.hourlyPay.value;
  const total = (wellbeing: number) => wellbeing + (a.volunteerTime === 'outcome' ? volunteerValue : 0);
  const totalCosts = input.costs + (a.volunteerTime === 'input' ? volunteerValue : 0);
  // Volunteer time counted as a cost is not enough on its own: a ratio needs the real running costs.
  const ratio = (value: number) => (input.costs > 0 && totalCosts > 0 ? value / totalCosts : null);
  const totalValue = total(central.adjusted);
  const sensitivity = [
    {
      label: `Low WELLBY value (${pounds(a.wellbyLow2019.value)} in 2019 prices)`,
      wellbeing: wellbeingAt(a.wellbyLow2019.value, ls?.meanChange ?? 0).adjusted,
    },
    {
      label: `High WELLBY value (${pounds(a.wellbyHigh2019.value)} in 2019 prices)`,
      wellbeing: wellbeingAt(a.wellbyHigh2019.value, ls?.meanChange ?? 0).adjusted,
    },
    ...(ls
      ? [
          {
            label: `Lower end of the 95% CI of the change (${ls.ciLow.toFixed(2)} points)`,
            wellbeing: wellbeingAt(a.wellbyValue2019.value, ls.ciLow).adjusted,
          },
          {
            label: `Upper end of the 95% CI of the change (${ls.ciHigh.toFixed(2)} points)`,
            wellbeing: wellbeingAt(a.wellbyValue2019.value, ls.ciHigh).adjusted,
          },
        ]
      : []),
  ].map((s) => ({ label: s.label, totalValue: total(s.wellbeing), valuePerPound: ratio(total(s.wellbeing)) }));
  const lines: SocialValueLine[] = [
    {
      label: 'Wellbeing (WELLBYs)',
      value: central.adjusted,
      workings: ls
        ? `${ls.meanChange.toFixed(2)} points × ${ls.n} people × ${pounds(central.price)} per WELLBY (${pounds(a.wellbyValue2019.value)} in 2019 prices × ${a.deflator.value.toFixed(4)} to ${a.deflator.priceYear} prices) = ${pounds(central.gross)} gross; × (1 − ${pct(a.deadweight)} deadweight) × (1 − ${pct(a.displacement)} displacement) × (1 − ${pct(a.attribution)} attribution) × ${years.toFixed(3)} for ${a.durationYears} year(s) = ${pounds(central.adjusted)}. A fall in life satisfaction is counted as 0, not as negative value.`
        : 'No life satisfaction change from 2 or more people with paired ONS4 scores, so no wellbeing value.',
    },
    {
      label: `Volunteer time (${a.volunteerTime === 'input' ? 'counted as a cost' : a.volunteerTime === 'outcome' ? 'counted as value' : 'left out'})`,
      value: volunteerValue,
      workings: `${input.volunteerHours.toLocaleString('en-GB')} hours × £${a.hourlyPay.value.toFixed(2)} an hour (${a.hourlyPay.date}) = ${pounds(volunteerValue)}`,
    },
  ];
  const low = ls ? ratio(total(wellbeingAt(a.wellbyValue2019.value, ls.ciLow).adjusted)) : ratio(totalValue);
  const high = ls ? ratio(total(wellbeingAt(a.wellbyValue2019.value, ls.ciHigh).adjusted)) : ratio(totalValue);
  const valuePerPoundInterval = low !== null && high !== null ? { low, high } : null;
  return {
    wellbyPrice: central.price,
    grossWellbeing: central.gross,
    adjustedWellbeing: central.adjusted,
    volunteerValue,
    totalValue,
    totalCosts,
    valuePerPound: ratio(totalValue),
    valuePerPoundInterval,
    sensitivity,
    lines,
  };
}

function pct(v: number): string {
  return `${Math.round(v * 1000) / 10}%`;
}
