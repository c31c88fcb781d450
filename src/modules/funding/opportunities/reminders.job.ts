// Daily: remind each organisation interested in an opportunity 14 days and 3 days before its
// deadline. Each reminder is claimed by inserting its row first (primary key: opportunity,
// organisation, days before), so two app processes running the job at once send it once.
import { DateTime } from 'luxon';
import type { Deps } from '../../../platform/deps.ts';
import type { JobDefinition } from '../../../platform/jobs/job-definition.ts';
import { leadEmailsOf } from '../bids/bids.repository.ts';
import { reminderStep, REMINDER_DAYS } from '../domain/deadlines.ts';
import * as repo from './opportunities.repository.ts';

export const todayInLondon = () => DateTime.now().setZone('Europe/London').toISODate()!;

export async function remindDeadlines(deps: Deps, today = todayInLondon()): Promise<number> {
  let sent = 0;
  for (const due of await repo.interestsClosingIn(deps.db, today, Math.max(...REMINDER_DAYS))) {
    const step = reminderStep(today, due.deadline);
    if (step === undefined) continue;
    if (!(await repo.claimReminder(deps.db, due.opportunity_id, due.org_id, step))) continue;
    const url = `${deps.config.publicUrl}/funding/opportunities/${due.opportunity_id}`;
    for (const to of await leadEmailsOf(deps.db, due.org_id)) {
      await deps.mailer.send({
        to,
        subject: `Deadline on ${due.deadline}: ${due.funder}, ${due.programme}`,
        text: `${due.org_name} marked an interest in ${due.funder}'s ${due.programme}. Applications close on ${due.deadline}.\n\nSee it, and who else is interested, here: ${url}\n`,
      });
    }
    sent++;
  }
  return sent;
}

export const deadlineReminderJob: JobDefinition = {
  name: 'funding.remind-deadlines',
  schedule: '0 8 * * *',
  run: async (deps) => {
    await remindDeadlines(deps);
  },
};
