// Published consultation results for the open API (/api/v1/consultations): exactly what an
// anonymous visitor sees on each consultation's public results page, no more. The consultations
// are the ones the public /voice page lists; a consultation whose results are not yet shown to
// the public (results after closing, still open) is listed without them.
import { ANONYMOUS } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { listConsultationsFor } from './consultations.service.ts';
import { loadResults, type GroupView, type StatementFigures } from './results.service.ts';

export interface PublicConsultationResults {
  id: string;
  title: string;
  host: string;
  phase: 'open' | 'closed' | 'upcoming';
  opensAt: Date;
  closesAt: Date;
  url: string;
  results: {
    participants: number;
    votes: number;
    computedAt: Date | null;
    enough: boolean;
    groups: Pick<GroupView, 'label' | 'size' | 'description'>[];
    statements: Omit<StatementFigures, 'groups'>[];
    agreed: string[];
    disagreed: string[];
    divided: string[];
  } | null;
}

const MAX_LISTED = 50;

export async function listPublicConsultationResults(
  deps: Deps,
  now = new Date(),
): Promise<PublicConsultationResults[]> {
  const items = (await listConsultationsFor(deps, ANONYMOUS, {}, now)).slice(0, MAX_LISTED);
  const out: PublicConsultationResults[] = [];
  for (const item of items) {
    const r = await loadResults(deps, ANONYMOUS, item.row.id).catch(() => undefined);
    out.push({
      id: item.row.id,
      title: item.row.title,
      host: item.row.org_name ?? 'The network',
      phase: item.phase,
      opensAt: item.row.opens_at,
      closesAt: item.row.closes_at,
      url: `${deps.config.publicUrl}/voice/consultations/${item.row.id}`,
      results: r
        ? {
            participants: r.participants,
            votes: r.votes,
            computedAt: r.computedAt ?? null,
            enough: r.enough,
            groups: r.groups.map((g) => ({ label: g.label, size: g.size, description: g.description })),
            statements: r.all.map(({ id, text, votes, agree, disagree, pass }) => ({
              id,
              text,
              votes,
              agree,
              disagree,
              pass,
            })),
            agreed: r.agree.map((s) => s.id),
            disagreed: r.disagree.map((s) => s.id),
            divided: r.differ.map((s) => s.id),
          }
        : null,
    });
  }
  return out;
}
