// The answers of /api/v1, built from the functions behind each module's own public pages
// (reached through their index.ts), so the API shows nothing those pages don't. Plain JSON:
// snake_case names, ISO times, disclosed figures as { shown, value, display }.
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { listUpcomingPublicEvents } from '../events/index.ts';
import { buildOrgDashboard, buildOutsideView, type Disclosed } from '../insight/index.ts';
import { latestResources } from '../learning/index.ts';
import { listPublicConsultationResults } from '../voice/index.ts';
import { findOrganisationById } from './v1.repository.ts';

const MAX_ITEMS = 100;

const disclosed = (d: Disclosed<number>) => ({ shown: d.shown, value: d.shown ? d.value : null, display: d.display });
const iso = (d: Date) => d.toISOString();

export async function listApiEvents(deps: Deps) {
  const events = await listUpcomingPublicEvents(deps.db, { limit: MAX_ITEMS });
  return {
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      starts_at: iso(e.startsAt),
      when: e.when,
      where: e.where,
      host: e.host,
      url: `${deps.config.publicUrl}${e.href}`,
    })),
  };
}

export async function listApiLibrary(deps: Deps) {
  // member: false — public resources only, as anyone sees the library.
  const rows = await latestResources(deps.db, { member: false, limit: MAX_ITEMS });
  return {
    resources: rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      kind: r.kind,
      organisation: r.org_name,
      published_at: r.published_at ? iso(r.published_at) : null,
      url: `${deps.config.publicUrl}/learning/library/${r.id}`,
    })),
  };
}

export async function listApiConsultations(deps: Deps) {
  const items = await listPublicConsultationResults(deps);
  return {
    consultations: items.map((c) => ({
      id: c.id,
      title: c.title,
      host: c.host,
      phase: c.phase,
      opens_at: iso(c.opensAt),
      closes_at: iso(c.closesAt),
      url: c.url,
      results: c.results && {
        participants: c.results.participants,
        votes: c.results.votes,
        computed_at: c.results.computedAt ? iso(c.results.computedAt) : null,
        enough: c.results.enough,
        groups: c.results.groups,
        statements: c.results.statements,
        agreed: c.results.agreed,
        disagreed: c.results.disagreed,
        divided: c.results.divided,
      },
    })),
  };
}

/** The network's figures from the latest release, after disclosure control (insight's outside view). */
export async function loadApiNetworkFigures(deps: Deps) {
  const view = await buildOutsideView(deps.db);
  return {
    release: view.release && { released_on: view.release.releasedOn, next_release_on: view.release.nextReleaseOn },
    totals: {
      organisations: view.totals.organisations,
      excluded_organisations: disclosed(view.totals.excludedOrganisations),
      participants: disclosed(view.totals.participants),
      sessions: disclosed(view.totals.sessions),
      attendance: disclosed(view.totals.attendance),
      volunteer_hours: disclosed(view.totals.volunteerHours),
    },
    measures: view.measures.map((m) => ({
      instrument_key: m.label.instrumentKey,
      instrument: m.label.instrumentName,
      measure_key: m.label.measureKey,
      measure: m.label.measureName,
      direction: m.label.direction,
      people: disclosed(m.people),
      organisations: m.organisations,
      excluded_organisations: disclosed(m.excludedOrganisations),
      attrition: disclosed(m.attrition),
      sentence: m.sentence,
      pooled: m.pooled && {
        estimate: m.pooled.estimate,
        ci_low: m.pooled.ci_low,
        ci_high: m.pooled.ci_high,
        pi_low: m.pooled.pi_low,
        pi_high: m.pooled.pi_high,
        tau2: m.pooled.tau2,
        i2: m.pooled.i2,
      },
      rows: m.rows.map((r) => ({
        label: r.label,
        kind: r.kind,
        n: disclosed(r.n),
        mean: r.mean,
        ci_low: r.ciLow,
        ci_high: r.ciHigh,
        weight: r.weight,
        rounded_to: r.roundedTo,
      })),
    })),
  };
}

/** One organisation's own figures, as its insight page shows them to its own people. */
export async function loadApiOrgFigures(deps: Deps, org: Pick<OrgTarget, 'id' | 'name' | 'slug'>) {
  const d = await buildOrgDashboard(deps.db, org.id);
  return {
    organisation: { name: org.name, slug: org.slug },
    reach: {
      participants: d.reach.participants,
      assessed: d.reach.assessed,
      sessions: d.reach.sessions,
      attendance: d.reach.attendance,
      volunteer_hours: d.reach.volunteerHours,
    },
    quarters: d.quarters.map((q) => ({
      quarter: q.quarter,
      sessions: q.sessions,
      attendance: q.attendance,
      volunteer_hours: q.volunteerHours,
      assessments: q.assessments,
      people_assessed: q.peopleAssessed,
    })),
    measures: d.measures.map((m) => ({
      instrument_key: m.label.instrumentKey,
      instrument: m.label.instrumentName,
      measure_key: m.label.measureKey,
      measure: m.label.measureName,
      direction: m.label.direction,
      people: m.people,
      change: m.stats && {
        paired: m.stats.n,
        mean_change: m.stats.meanChange,
        ci_low: m.stats.ciLow,
        ci_high: m.stats.ciHigh,
        mean_before: m.stats.before.mean,
        mean_after: m.stats.after.mean,
      },
    })),
  };
}

/** The figures of the organisation an `org` token belongs to (the token says which; the address never does). */
export async function loadApiOrgFiguresForToken(deps: Deps, orgId: string) {
  const org = await findOrganisationById(deps.db, orgId);
  if (!org) throw notFound('organisation');
  return loadApiOrgFigures(deps, org);
}
