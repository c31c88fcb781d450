// Plain-English descriptions of schedules, in GOV.UK style:
// "Every Tuesday, 7pm to 9pm (UK time)".
import { WEEKDAYS } from './schedule.ts';
import type { DayRule, Ordinal, Schedule, Weekday } from './schedule.ts';
import { capitalise } from '../../../platform/text.ts';

export const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const ORDINAL_WORDS: Readonly<Record<string, string>> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '5': 'fifth',
  '-1': 'last',
};

/** "7pm", "6:30pm", "10am", "12 noon", "midnight", "12:30am". */
export function formatUkTime(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  if (minutes === 0 && hours === 12) return '12 noon';
  if (minutes === 0 && hours === 0) return 'midnight';
  const suffix = hours < 12 ? 'am' : 'pm';
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${h12}${suffix}` : `${h12}:${String(minutes).padStart(2, '0')}${suffix}`;
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function weekdaysInOrder(byday: readonly DayRule[]): Weekday[] {
  return WEEKDAYS.filter((day) => byday.some((d) => d.day === day));
}

function describeWeekly(schedule: Schedule): string {
  const days = weekdaysInOrder(schedule.byday);
  const key = days.join(',');
  if (schedule.interval === 1) {
    if (days.length === 7) return 'Every day';
    if (key === 'MO,TU,WE,TH,FR') return 'Every weekday (Monday to Friday)';
    return `Every ${joinWithAnd(days.map((d) => DAY_NAMES[d]))}`;
  }
  const names = joinWithAnd(days.map((d) => DAY_NAMES[d]));
  if (schedule.interval === 2) return days.length === 1 ? `Every other ${names}` : `Every other week on ${names}`;
  return `Every ${schedule.interval} weeks on ${names}`;
}

function describeMonthly(schedule: Schedule): string {
  // Group positions by weekday: 1TH,3TH -> "first and third Thursday".
  const rank = (n: Ordinal) => (n === -1 ? 6 : n);
  const groups = weekdaysInOrder(schedule.byday).map((day) => {
    const positions = schedule.byday
      .filter((d) => d.day === day && d.nth !== undefined)
      .map((d) => d.nth!)
      .sort((a, b) => rank(a) - rank(b))
      .map((n) => ORDINAL_WORDS[String(n)]!);
    return `${joinWithAnd(positions)} ${DAY_NAMES[day]}`;
  });
  const month =
    schedule.interval === 1
      ? 'of the month'
      : schedule.interval === 2
        ? 'of every other month'
        : `of every ${schedule.interval} months`;
  return capitalise(`${joinWithAnd(groups)} ${month}`);
}

/** E.g. "First and third Thursday of the month, 6:30pm to 8pm (UK time)". */
export function describeSchedule(schedule: Schedule): string {
  const when = schedule.freq === 'WEEKLY' ? describeWeekly(schedule) : describeMonthly(schedule);
  return `${when}, ${formatUkTime(schedule.opensAt)} to ${formatUkTime(schedule.closesAt)} (UK time)`;
}
