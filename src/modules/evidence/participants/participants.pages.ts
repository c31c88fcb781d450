// Page loaders for participants: each finds what one page needs (scoped to the organisation)
// and returns its view model, so the routes only parse, call and render.
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { todayInUk } from '../../../platform/time.ts';
import { findBand } from '../domain/bands.ts';
import { progressOfRows } from '../domain/progress.ts';
import {
  deleteAssessments,
  eraseParticipant as eraseRule,
  exportEvidence,
  participantFieldsFor,
} from '../evidence.policy.ts';
import { listRestorableAssessments, RESTORE_DAYS } from '../assessments/assessments.service.ts';
import { participantParam } from '../evidence.schemas.ts';
import * as instruments from '../instruments/instruments.repository.ts';
import type { InstrumentRow } from '../instruments/instruments.repository.ts';
import * as repo from './participants.repository.ts';
import { viewParticipant } from './participants.service.ts';
import type { ParticipantListView, ParticipantView } from './participants.views.tsx';
import type { ProgressReportView } from './progress.views.tsx';

export const PARTICIPANTS_PER_PAGE = 25;

export type { InstrumentRow };
export type ParticipantRow = repo.ParticipantRow;

/** The participant named by the route's `:participant`, in this organisation; 404 otherwise. */
export async function findParticipantOrThrow(
  deps: Deps,
  org: OrgTarget,
  params: unknown,
): Promise<repo.ParticipantRow> {
  const parsed = participantParam.safeParse(params);
  const found = parsed.success ? await repo.findParticipant(deps.db, org.id, parsed.data.participant) : undefined;
  if (!found) throw notFound('participant');
  return found;
}

/** The newest enabled version of an instrument the organisation may use, by key; 404 otherwise. */
export async function findInstrumentOrThrow(deps: Deps, org: OrgTarget, key: unknown): Promise<InstrumentRow> {
  const valid = typeof key === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(key);
  const instrument = valid ? await instruments.findInstrumentForOrg(deps.db, org.id, key) : undefined;
  if (!instrument) throw notFound('questionnaire');
  return instrument;
}

export async function loadParticipantsPage(
  deps: Deps,
  org: OrgTarget,
  query: { q?: string | undefined; page: number },
): Promise<ParticipantListView> {
  const list = await repo.listParticipants(deps.db, org.id, {
    q: query.q,
    page: query.page,
    perPage: PARTICIPANTS_PER_PAGE,
  });
  const pages = Math.max(1, Math.ceil(list.total / PARTICIPANTS_PER_PAGE));
  return {
    org,
    rows: list.rows.map((r) => ({
      id: r.id,
      code: r.code,
      firstName: r.first_name,
      consentRecord: r.consent_record,
      consentNetwork: r.consent_network,
      lastAssessedOn: (r.last_assessed_on as string | null) ?? null,
    })),
    page: Math.min(query.page, pages),
    pages,
    total: list.total,
    q: query.q,
  };
}

/**
 * One participant's page: details, consent history, questionnaires with their scores and bands
 * (each in the instrument version it was answered in, all fetched in one query), open links.
 * Audited as a view of personal data.
 */
export async function loadParticipantPage(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  p: repo.ParticipantRow,
  ip: string,
): Promise<ParticipantView> {
  const canDelete = deleteAssessments.allows(actor, org);
  const [history, available, deleted] = await Promise.all([
    viewParticipant(deps.db, actor, org, p, ip),
    instruments.listInstrumentsForOrg(deps.db, org.id),
    canDelete ? listRestorableAssessments(deps.db, org, p.id) : Promise.resolve([]),
  ]);
  const versions = await instruments.findInstrumentVersionsForOrg(
    deps.db,
    org.id,
    history.assessments.map((a) => ({ key: a.instrument_key, version: a.instrument_version })),
  );
  return {
    org,
    participant: {
      id: p.id,
      code: p.code,
      firstName: p.first_name,
      // Only the details this role may see reach the view (volunteers: none of these).
      details: Object.fromEntries(
        participantFieldsFor(actor, org).map((f) => [
          f,
          {
            ageBand: p.age_band,
            gender: p.gender,
            ethnicity: p.ethnicity,
            substances: p.main_substances,
            localAuthority: p.local_authority,
          }[f],
        ]),
      ),
      consent: { record: p.consent_record, network: p.consent_network, contact: p.consent_contact },
      addedOn: p.created_at,
    },
    consents: history.consents.map((c) => ({
      kind: c.kind as repo.ConsentKind,
      given: c.given,
      decidedOn: c.decided_on,
      wordingVersion: c.wording_version,
      recordedBy: c.recorded_by_name ?? 'Imported or no longer here',
    })),
    assessments: history.assessments.map((a) => {
      const def = versions.get(`${a.instrument_key}@${a.instrument_version}`)?.definition;
      const scores = a.scores as Record<string, number>;
      return {
        id: a.id,
        instrument: def?.short_name ?? a.instrument_key,
        date: a.assessed_on,
        timePoint: a.time_point,
        source: a.source,
        scores: Object.entries(scores).map(([key, score]) => {
          const measure = def?.measures.find((m) => m.key === key);
          return {
            name: measure?.name ?? key,
            score,
            band: measure ? (findBand(measure, score)?.label ?? null) : null,
            lowerIsBetter: measure?.direction === 'lower_is_better',
          };
        }),
      };
    }),
    progress: progressOfRows(history.assessments, versions),
    instruments: available.map((i) => ({ key: i.key, name: i.definition.short_name })),
    links: history.links.map((l) => ({
      instrument: available.find((i) => i.key === l.instrument_key)?.definition.short_name ?? l.instrument_key,
      createdAt: l.created_at,
      expiresAt: l.expires_at,
      usedAt: l.used_at,
    })),
    canErase: eraseRule.allows(actor, org),
    canExport: exportEvidence.allows(actor, org),
    canDelete,
    deleted: deleted.map((d) => ({
      id: d.id,
      instrument: available.find((i) => i.key === d.instrument_key)?.definition.short_name ?? d.instrument_key,
      date: d.assessed_on,
      timePoint: d.time_point,
      deletedAt: d.deleted_at,
      restoreUntil: new Date(d.deleted_at.getTime() + RESTORE_DAYS * 86_400_000),
    })),
  };
}

/** The short name of an instrument version ("ONS4"), for naming a questionnaire on a page. */
export async function instrumentNameFor(deps: Deps, org: OrgTarget, key: string, version: string): Promise<string> {
  const found = await instruments.findInstrumentVersionsForOrg(deps.db, org.id, [{ key, version }]);
  return found.get(`${key}@${version}`)?.definition.short_name ?? key;
}

/** Their one-page progress report: the same scores as their page (and audited as a view of it). */
export async function loadProgressReport(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  p: repo.ParticipantRow,
  ip: string,
): Promise<ProgressReportView> {
  const view = await loadParticipantPage(deps, actor, org, p, ip);
  return {
    org,
    participantId: p.id,
    code: p.code,
    firstName: p.first_name,
    progress: view.progress,
    today: todayInUk(),
  };
}
