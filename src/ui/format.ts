// Dates and times as people in the UK read them, in UK time. The formatters are made once:
// `toLocaleString` with options builds a new one on every call, which cost a signed-in page
// more than its database query.
const dateLong = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateShort = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** 27 November 2026 */
export const formatDate = (d: Date): string => dateLong.format(d);
/** A calendar date kept as 'YYYY-MM-DD' (a deadline, not an instant): 14 December 2026. */
export const formatCalendarDate = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateLong.format(new Date(`${iso}T12:00:00Z`)) : iso;
/** 27 Nov 2026 */
export const formatShortDate = (d: Date): string => dateShort.format(d);
/** 27 November 2026 at 15:40 */
export const formatDateTime = (d: Date): string => dateTime.format(d);

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
/** 1,346 and 40,050 alike: one number format everywhere. */
export const formatCount = (n: number): string => count.format(n);
