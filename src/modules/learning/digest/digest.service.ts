// The weekly digest: new resources, new stories, questions needing an answer; once per
// person per week however many app processes run the job, with a one-click unsubscribe.
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { weekStartOf } from '../domain/search-query.ts';
import { latestResources } from '../library/library.repository.ts';
import { listQuestions } from '../questions/questions.repository.ts';
import * as repo from './digest.repository.ts';

export async function sendWeeklyDigest(deps: Deps, now = new Date()): Promise<number> {
  const week = weekStartOf(now);
  const since = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [resources, stories, unanswered] = await Promise.all([
    latestResources(deps.db, { member: true, kind: 'resource', since, limit: 10 }),
    latestResources(deps.db, { member: true, kind: 'story', since, limit: 5 }),
    listQuestions(deps.db, { unansweredOnly: true, includeHidden: false, limit: 10 }),
  ]);
  if (resources.length + stories.length + unanswered.length === 0) return 0;
  const base = deps.config.publicUrl;
  const section = (title: string, lines: string[]) => (lines.length ? `${title}\n${lines.join('\n')}\n\n` : '');
  const body =
    section(
      'New in the library',
      resources.map((r) => `- ${r.title} (${r.org_name})\n  ${base}/learning/library/${r.id}`),
    ) +
    section(
      'New innovation stories',
      stories.map((r) => `- ${r.title} (${r.org_name})\n  ${base}/learning/library/${r.id}`),
    ) +
    section(
      'Questions that need an answer',
      unanswered.map((q) => `- ${q.title}\n  ${base}/learning/questions/${q.id}`),
    );
  let sent = 0;
  for (const person of await repo.digestRecipients(deps.db)) {
    // The claim commits only once the email is handed over: a crash in between rolls it back,
    // so the next run sends it (at least once), and a second instance waits on the claim's row.
    const claimed = await deps.db.transaction().execute(async (tx) => {
      if (!(await repo.claimDigest(tx, person.personId, week))) return false;
      const unsubscribe = `${base}/learning/unsubscribe/${person.token}`;
      await deps.mailer.send({
        to: person.email,
        subject: 'This week in the network: what groups are sharing',
        text: `Here is what groups across the network shared this week.\n\n${body}Stop these weekly emails: ${unsubscribe}\n`,
        // One-click unsubscribe from the mail app itself (RFC 8058): it POSTs to this address.
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

export async function checkUnsubscribeToken(deps: Deps, token: string) {
  const sub = await repo.findSubscriptionByToken(deps.db, token);
  if (!sub) throw notFound('link');
  return { subscribed: sub.subscribed };
}

export async function unsubscribeFromDigest(deps: Deps, token: string) {
  if (!(await repo.unsubscribe(deps.db, token))) throw notFound('link');
}
