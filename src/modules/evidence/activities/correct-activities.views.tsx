// Pages for correcting a session or volunteer hours: change, ask before deleting, and after
// deleting a way to put it straight back (the values go back through the recording form).
import type { ComponentChildren } from 'preact';
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors } from '../../../ui/components.tsx';
import { formatCalendarDate } from '../../../ui/format.ts';
import { EvidenceLayout, orgCrumbs } from '../evidence.ui.tsx';
import { HoursFields, SessionFields } from './activities.views.tsx';

const crumbs = (org: OrgTarget) =>
  orgCrumbs(org, { href: `/orgs/${org.slug}/activities`, label: 'Sessions and volunteering' });

export interface CorrectionTarget {
  /** "the Peer support session of 3 March 2026" */
  what: string;
  /** Where its pages live: /orgs/x/activities/ID or /orgs/x/volunteer-hours/ID */
  base: string;
  /** Back to the list, at the right table. */
  back: string;
  /** "has" for one session, "have" for hours. */
  has: 'has' | 'have';
}

export const sessionTarget = (org: OrgTarget, s: { id: string; type_name: string; held_on: string }) => ({
  what: `the ${s.type_name} session of ${formatCalendarDate(s.held_on)}`,
  base: `/orgs/${org.slug}/activities/${s.id}`,
  back: `/orgs/${org.slug}/activities`,
  has: 'has' as const,
});

export const hoursTarget = (org: OrgTarget, h: { id: string; hours: number; worked_on: string }) => ({
  what: `the ${h.hours} volunteer hours of ${formatCalendarDate(h.worked_on)}`,
  base: `/orgs/${org.slug}/volunteer-hours/${h.id}`,
  back: `/orgs/${org.slug}/activities#hours`,
  has: 'have' as const,
});

export function ChangeRecordPage(p: {
  ctx: PageContext;
  org: OrgTarget;
  target: CorrectionTarget;
  kind: 'session' | 'hours';
  types: string[];
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const title = `Change ${p.target.what}`;
  return (
    <EvidenceLayout ctx={p.ctx} title={title} crumbs={crumbs(p.org)}>
      <ErrorSummary errors={p.errors} />
      <h1>{title}</h1>
      <p class="lede">
        Correct what was recorded. The change is kept in your organisation’s log, with what it said before.
      </p>
      <form method="post" action={p.target.base} novalidate>
        <CsrfField token={p.ctx.csrfToken()} />
        {p.kind === 'session' ? (
          <SessionFields types={p.types} errors={p.errors} values={p.values} />
        ) : (
          <HoursFields errors={p.errors} values={p.values} />
        )}
        <div class="button-row">
          <Button>Save changes</Button>
          <a href={p.target.back}>Cancel and go back</a>
        </div>
      </form>
      <h2>Recorded by mistake?</h2>
      <p>
        <a href={`${p.target.base}/delete`}>Delete {p.target.what}</a>
      </p>
    </EvidenceLayout>
  );
}

export function ConfirmDeleteRecordPage(p: {
  ctx: PageContext;
  org: OrgTarget;
  target: CorrectionTarget;
  children: ComponentChildren;
}) {
  return (
    <EvidenceLayout ctx={p.ctx} title={`Delete ${p.target.what}`} crumbs={crumbs(p.org)}>
      <h1>Delete {p.target.what}?</h1>
      {p.children}
      <p class="lede">
        It stops counting in your figures straight away. The next page lets you put it back if you change your mind.
      </p>
      <form method="post" action={`${p.target.base}/delete`}>
        <CsrfField token={p.ctx.csrfToken()} />
        <div class="button-row">
          <Button variant="warning">Yes, delete it</Button>
          <a href={p.target.back}>No, keep it and go back</a>
        </div>
      </form>
    </EvidenceLayout>
  );
}

export function RecordDeletedPage(p: {
  ctx: PageContext;
  org: OrgTarget;
  target: CorrectionTarget;
  /** Where "put it back" posts, and the values it posts (the recording form's own fields). */
  restore: { action: string; fields: Record<string, string> };
  children: ComponentChildren;
}) {
  const what = p.target.what.charAt(0).toUpperCase() + p.target.what.slice(1);
  const title = `${what} ${p.target.has} been deleted`;
  return (
    <EvidenceLayout ctx={p.ctx} title={title} crumbs={crumbs(p.org)}>
      <h1>{title}</h1>
      {p.children}
      <p>If that was a mistake, you can put it back as it was.</p>
      <form method="post" action={p.restore.action}>
        <CsrfField token={p.ctx.csrfToken()} />
        {Object.entries(p.restore.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="button-row">
          <Button variant="secondary">Put it back</Button>
          <a href={p.target.back}>Back to sessions and volunteering</a>
        </div>
      </form>
    </EvidenceLayout>
  );
}
