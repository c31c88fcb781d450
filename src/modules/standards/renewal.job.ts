// Daily: remind an organisation's leads when their recognition is due for renewal within 90
// days. Each reminder is claimed by one update, so two instances never send it twice.
import { DateTime } from 'luxon';
import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { REMINDER_DAYS_BEFORE, todayInLondon } from './domain/renewal.ts';
import * as repo from './standards.repository.ts';

export async function remindRenewals(deps: Deps, today = todayInLondon()): Promise<number> {
  const remindFrom = DateTime.fromISO(today).plus({ days: REMINDER_DAYS_BEFORE }).toISODate()!;
  let sent = 0;
  for (const due of await repo.recognitionsDueReminder(deps.db, remindFrom)) {
    if (!(await repo.markReminded(deps.db, due.assessment_id))) continue;
    const url = `${deps.config.publicUrl}/orgs/${due.slug}/standards`;
    for (const to of await repo.leadEmailsOf(deps.db, due.org_id)) {
      await deps.mailer.send({
        to,
        subject: 'Your standards recognition is due for renewal',
        text:
          `${due.name}'s recognition against the network's standards is due for renewal on ${due.renewal_due}.\n\n` +
          `Renewal is a lighter desk review against the current standards. Start it here: ${url}\n`,
      });
    }
    sent++;
  }
  return sent;
}

export const renewalReminderJob: JobDefinition = {
  name: 'standards.remind-renewals',
  schedule: '0 8 * * *',
  run: async (deps) => {
    await remindRenewals(deps);
  },
};
