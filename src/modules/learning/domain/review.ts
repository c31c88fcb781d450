// Is a resource still current? Checked within the last year, or it needs review.
export type ReviewState = 'current' | 'needs-review';

const DAY = 24 * 60 * 60 * 1000;

export function reviewState(reviewedOn: Date, today: Date): ReviewState {
  return today.getTime() - reviewedOn.getTime() > 365 * DAY ? 'needs-review' : 'current';
}

/** Owners hear a month before the year is up, and again at most every 30 days. */
export function reviewReminderDue(reviewedOn: Date, lastReminded: Date | null, now: Date): boolean {
  const dueSoon = now.getTime() - reviewedOn.getTime() > 335 * DAY;
  const notRecently = !lastReminded || now.getTime() - lastReminded.getTime() > 30 * DAY;
  return dueSoon && notRecently;
}
