// When outside figures are published: a dated release on the 1st of each month (the job runs
// then), or on the first start of a month that has none yet. Dates are UK calendar dates.

/** 'YYYY-MM-DD' of the 1st of the month after `on`. */
export function nextReleaseDate(on: string): string {
  const [y, m] = on.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** A release is due when there is none yet, or the latest is from an earlier month. */
export function releaseIsDue(latest: string | undefined, today: string): boolean {
  return latest === undefined || latest.slice(0, 7) < today.slice(0, 7);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '1 November 2026' */
export function releaseDateText(on: string): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Figures as at 1 November 2026, next update 1 December 2026." */
export function releaseSentence(release: { releasedOn: string; nextReleaseOn: string } | null): string {
  if (!release)
    return 'No figures have been published yet: the first release is made on the first day the service runs, then on the 1st of every month.';
  return `Figures as at ${releaseDateText(release.releasedOn)}, next update ${releaseDateText(release.nextReleaseOn)}.`;
}
