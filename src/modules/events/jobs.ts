// The events module's jobs. Each email is claimed in event_emails_sent before it goes, so two
// runners (two app processes, or a retry) never send it twice.
import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import * as events from './events.repository.ts';
import { sendRegistrationEmail, type MessageKind } from './messages.ts';
import { EXPIRE_OFFERS_JOB, expireOffers, hostNameOf } from './registration.service.ts';
import * as regs from './registrations.repository.ts';

async function sendOnce<D extends { id: string; event_id: string }>(
  deps: Deps,
  due: D[],
  kind: (d: D) => string | undefined,
  message: MessageKind,
) {
  let sent = 0;
  for (const d of due) {
    const key = kind(d);
    if (!key) continue;
    // The claim commits only once the email is handed over: a crash in between rolls it back,
    // so the next run sends it (at least once), and a second instance waits on the claim's row.
    const claimed = await deps.db.transaction().execute(async (tx) => {
      if (!(await regs.claimEmail(tx, d.id, key))) return false;
      // Reads on the claim's own transaction: the embedded engine has one connection.
      const e = (await events.findEvent(tx, d.event_id))!;
      const r = (await regs.findRegistration(tx, d.event_id, d.id))!;
      await sendRegistrationEmail(deps, e, r, message, await hostNameOf(tx, e));
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** Reminders at each of the event's set times before it starts (default 7 days and 1 day). */
export async function sendReminders(deps: Deps, now = new Date()): Promise<number> {
  const due = await regs.dueReminders(deps.db, now);
  return sendOnce(
    deps,
    due,
    (d) => {
      const hoursLeft = (d.starts_at.getTime() - now.getTime()) / 3600_000;
      // The nearest set time already passed: one reminder per window, never a burst of old ones.
      const passed = d.reminder_hours.filter((h) => hoursLeft <= h).sort((a, b) => a - b)[0];
      if (passed === undefined) return undefined;
      // Booked after that time had already come: the confirmation was the reminder.
      const bookedHoursBefore = (d.starts_at.getTime() - d.created_at.getTime()) / 3600_000;
      // The key carries the start, so an event moved to a new date reminds people again.
      return bookedHoursBefore < passed ? undefined : `reminder-${passed}h-${d.starts_at.getTime()}`;
    },
    'reminder',
  );
}

export async function sendFeedbackRequests(deps: Deps, now = new Date()): Promise<number> {
  return sendOnce(deps, await regs.dueFeedbackRequests(deps.db, now), () => 'feedback-request', 'feedback-request');
}

export const eventJobs: JobDefinition[] = [
  { name: EXPIRE_OFFERS_JOB, schedule: '*/5 * * * *', run: async (deps) => void (await expireOffers(deps)) },
  { name: 'events.send-reminders', schedule: '*/10 * * * *', run: async (deps) => void (await sendReminders(deps)) },
  {
    name: 'events.send-feedback-requests',
    schedule: '15 * * * *',
    run: async (deps) => void (await sendFeedbackRequests(deps)),
  },
];
