// The evidence home page: what the organisation has recorded, and the parts this person may use.
import type { OrgTarget } from '../../platform/http/access.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import { LinkCards } from '../../ui/components.tsx';
import { EvidenceLayout } from './evidence.ui.tsx';

export interface EvidenceHomeView {
  org: OrgTarget;
  counts: { participants: number; assessments: number; activities: number };
  links: { href: string; label: string; description: string }[];
}

export function EvidenceHomePage({ ctx, view }: { ctx: PageContext; view: EvidenceHomeView }) {
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Evidence – ${view.org.name}`}
      crumbs={[{ href: `/orgs/${view.org.slug}`, label: view.org.name }]}
    >
      <span class="caption">{view.org.name}</span>
      <h1>Evidence</h1>
      <p class="lede">
        {view.counts.participants} participants, {view.counts.assessments} questionnaires and {view.counts.activities}{' '}
        sessions recorded so far.
      </p>
      <LinkCards links={view.links} />
    </EvidenceLayout>
  );
}
