// Page loaders for the coordinators' review of expressions of interest: the queue and one
// application with its history, as view models.
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as repo from './applications.repository.ts';
import type { ApplicationView, QueueRow } from './applications.views.tsx';

const toQueueRow = (r: Awaited<ReturnType<typeof repo.listApplications>>[number]): QueueRow => ({
  id: r.id,
  who: r.kind === 'organisation' ? r.org_name : r.contact_name,
  kind: r.kind === 'organisation' ? 'Organisation' : 'Individual',
  where: [r.town, r.region].filter(Boolean).join(', '),
  status: r.status as repo.ApplicationStatus,
  at: r.status === 'waiting' || r.status === 'questioned' ? r.created_at : r.updated_at,
});

export async function loadApplicationsPage(deps: Deps): Promise<{ open: QueueRow[]; decided: QueueRow[] }> {
  const [open, decided] = await Promise.all([
    repo.listApplications(deps.db, true),
    repo.listApplications(deps.db, false),
  ]);
  return { open: open.map(toQueueRow), decided: decided.map(toQueueRow) };
}

export async function loadApplicationPage(deps: Deps, id: string): Promise<ApplicationView> {
  const [a, history] = await Promise.all([repo.findApplication(deps.db, id), repo.applicationHistory(deps.db, id)]);
  if (!a) throw notFound('application');
  return {
    id: a.id,
    kind: a.kind as 'organisation' | 'individual',
    orgName: a.org_name,
    contactName: a.contact_name,
    email: a.email,
    phone: a.phone,
    where: [a.town, a.outcode, a.region].filter(Boolean).join(', '),
    whatYouDo: a.what_you_do,
    livedExperience: a.lived_experience,
    website: a.website,
    status: a.status as repo.ApplicationStatus,
    orgSlug: a.org_slug ?? undefined,
    history: history.map((h) => ({
      kind: h.kind as repo.ApplicationEventKind,
      message: h.message,
      at: h.at,
      actor: h.actor_name ?? (h.kind === 'submitted' ? 'The applicant' : 'Someone no longer here'),
    })),
  };
}
