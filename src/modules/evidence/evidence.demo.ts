// Demo and synthetic evidence: participants with plausible trajectories (improvement on
// average, wide variation, drop-out), consents, ONS4 and BARC-10 every three months or so over
// 18 months, sessions and volunteer hours; a few organisations contribute summaries only; one
// has its own measure. Deterministic (a seeded PRNG) and written through the write path.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  ensureActivityTypes,
  insertActivities,
  insertVolunteerHours,
  type ActivityToStore,
} from './activities/activities.repository.ts';
import { buildCustomMeasureDefinition } from './domain/custom-measure.ts';
import type { InstrumentDefinition } from './domain/instrument-definition.ts';
import { BARC10, ONS4 } from './domain/shipped-instruments.ts';
import {
  insertAssessments,
  insertParticipants,
  type AssessmentToStore,
  type ParticipantToStore,
} from './evidence.write-path.ts';
import { activityKey } from './imports/engine/natural-keys.ts';
import { insertInstrument, syncShippedInstruments } from './instruments/instruments.repository.ts';
import { codePrefix } from './participants/participants.service.ts';
import { insertSummary } from './summaries/summaries.repository.ts';

/** mulberry32: small, fast, good enough for made-up data, and the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number, mean: number, sd: number): number {
  const u = Math.max(rand(), 1e-12);
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The demo's 18 months, fixed so every demo is the same. */
const WINDOW_START = Date.UTC(2024, 11, 1);
const WINDOW_END = Date.UTC(2026, 4, 31);

const GENDER = ['Woman', 'Man', 'Man', 'Woman', 'Non-binary', 'Prefer not to say'];
const AGE = ['18-24', '25-34', '35-44', '35-44', '45-54', '55-64', '65+'];
const SUBSTANCES = [
  ['Alcohol'],
  ['Opiates', 'Crack cocaine'],
  ['Alcohol', 'Cocaine'],
  ['Cannabis'],
  ['Alcohol'],
  ['Benzodiazepines', 'Opiates'],
];
const NAMES = ['Sam', 'Jo', 'Kez', 'Dee', 'Mo', 'Ash', 'Bex', 'Tony', 'Lou', 'Ria', '', '', ''];

/** One person's latent recovery: a start, a personal rate of change, and when they stop coming. */
function personAssessments(
  rand: () => number,
  participantId: string,
  code: string,
  customMeasure?: InstrumentDefinition,
): AssessmentToStore[] {
  const start = WINDOW_START + Math.floor(rand() * 365) * DAY;
  const baseline = normal(rand, -0.4, 0.9); // below the population on average
  const slope = normal(rand, 0.22, 0.35); // per quarter: improvement on average, wide variation
  const out: AssessmentToStore[] = [];
  for (let visit = 0; ; visit++) {
    const when = start + visit * (80 + Math.floor(rand() * 25)) * DAY;
    if (when > WINDOW_END) break;
    const latent = baseline + slope * visit + normal(rand, 0, 0.35);
    const timePoint = visit === 0 ? 'start' : 'review';
    const ons = {
      ons4_satis: clamp(5 + 2 * latent + normal(rand, 0, 1), 0, 10),
      ons4_worth: clamp(5.6 + 2 * latent + normal(rand, 0, 1), 0, 10),
      ons4_happy: clamp(5 + 2 * latent + normal(rand, 0, 1.3), 0, 10),
      ons4_anxious: clamp(5 - 2 * latent + normal(rand, 0, 1.5), 0, 10),
    };
    const barc = Object.fromEntries(
      BARC10.items.map((item) => [item.key, clamp(3.6 + 1.1 * latent + normal(rand, 0, 0.8), 1, 6)]),
    );
    const common = {
      participantId,
      participantCode: code,
      assessedOn: iso(when),
      timePoint,
      source: 'demo' as const,
      recordedBy: null,
    };
    out.push({ ...common, definition: ONS4, responses: ons }, { ...common, definition: BARC10, responses: barc });
    if (customMeasure) {
      out.push({
        ...common,
        definition: customMeasure,
        responses: Object.fromEntries(
          customMeasure.items.map((item) => [item.key, clamp(3 + latent + normal(rand, 0, 0.7), 1, 5)]),
        ),
      });
    }
    if (visit > 0 && rand() < 0.22) break; // drop-out
  }
  return out;
}

export interface DemoEvidenceCounts {
  participants: number;
  assessments: number;
  activities: number;
}

/** Evidence for the demo organisations (member organisations only), in the caller's transaction. */
export async function seedEvidenceDemo(
  tx: Kysely<DB>,
  orgs: readonly { id: string; slug: string; name: string; status: string }[],
): Promise<DemoEvidenceCounts> {
  await syncShippedInstruments(tx);
  const rand = seededRandom(20260127);
  const counts = { participants: 0, assessments: 0, activities: 0 };
  const members = orgs.filter((o) => o.status === 'member');
  for (const [i, org] of members.entries()) {
    if (i % 10 === 7) {
      // Keeps its records elsewhere: contributes summaries only.
      for (const [key, version, measure, change, sd] of [
        ['ons4', ONS4.version, 'life_satisfaction', 1.4, 2.3],
        ['barc10', BARC10.version, 'recovery_capital', 6.5, 8.9],
      ] as const) {
        await insertSummary(tx, org.id, {
          instrumentKey: key,
          instrumentVersion: version,
          measureKey: measure,
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          nPaired: 12 + (i % 17),
          meanChange: Math.round(normal(rand, change, 0.6) * 100) / 100,
          sdChange: Math.round(normal(rand, sd, 0.4) * 100) / 100,
          baselineMean: null,
          baselineSd: null,
          collectionMethod:
            'Paper forms at the first session and about three months later, kept in our own case-management system.',
          createdBy: null,
        });
      }
      continue;
    }
    let custom: InstrumentDefinition | undefined;
    if (i === 0) {
      const built = buildCustomMeasureDefinition({
        organisation_name: org.name,
        name: 'Feeling connected',
        items: ['I have people I can talk to', 'I feel part of something', 'I know where to go for help'],
        min: 1,
        max: 5,
        min_label: 'not at all',
        max_label: 'completely',
        scoring: 'mean',
        direction: 'higher_is_better',
      });
      if (!built.ok) throw new Error('demo custom measure is invalid');
      custom = built.value;
      await insertInstrument(tx, {
        orgId: org.id,
        definition: custom,
        origin: 'custom',
        licenceReference: '',
        installedBy: null,
      });
    }
    const prefix = codePrefix(org.name);
    const n = 18 + ((i * 7) % 35);
    const people: ParticipantToStore[] = Array.from({ length: n }, (_, k) => {
      const network = rand() < 0.85;
      const decidedOn = iso(WINDOW_START + Math.floor(rand() * 30) * DAY);
      return {
        code: `${prefix}-${String(k + 1).padStart(4, '0')}`,
        firstName: NAMES[Math.floor(rand() * NAMES.length)]!,
        ageBand: AGE[Math.floor(rand() * AGE.length)]!,
        gender: GENDER[Math.floor(rand() * GENDER.length)]!,
        ethnicity:
          rand() < 0.8
            ? 'White: English, Welsh, Scottish, Northern Irish or British'
            : 'Asian or Asian British: Pakistani',
        mainSubstances: SUBSTANCES[Math.floor(rand() * SUBSTANCES.length)]!,
        localAuthority: '',
        consents: [
          { kind: 'record', given: true, decidedOn, wordingVersion: 'demo' },
          { kind: 'network', given: network, decidedOn, wordingVersion: 'demo' },
          { kind: 'contact', given: rand() < 0.5, decidedOn, wordingVersion: 'demo' },
        ],
      };
    });
    const ids = await insertParticipants(tx, org.id, people, null);
    const assessments = people.flatMap((p) => personAssessments(rand, ids.get(p.code)!, p.code, custom));
    await insertAssessments(tx, org.id, assessments);
    counts.participants += n;
    counts.assessments += assessments.length;

    // A weekly group (and a fortnightly second one in bigger organisations), with volunteers.
    const typeNames = i % 3 === 0 ? ['Peer support group', 'Recovery café'] : ['Peer support group'];
    const types = await ensureActivityTypes(tx, org.id, typeNames);
    const sessions: ActivityToStore[] = [];
    for (let day = WINDOW_START; day <= WINDOW_END; day += 7 * DAY) {
      typeNames.forEach((name, t) => {
        if (t === 1 && ((day - WINDOW_START) / DAY / 7) % 2 === 1) return;
        const attendance = clamp(normal(rand, 9 + (i % 6), 3), 1, 40);
        const volunteers = clamp(normal(rand, 2.5, 1), 1, 6);
        const record = {
          date: iso(day),
          activity_type: name,
          attendance,
          first_time_attendees: clamp(normal(rand, 1, 1), 0, attendance),
          volunteers,
          volunteer_hours: volunteers * 2.5,
        };
        sessions.push({
          activityTypeId: types.get(name.toLowerCase())!,
          heldOn: record.date,
          attendance,
          firstTimeAttendees: record.first_time_attendees,
          volunteers,
          volunteerHours: record.volunteer_hours,
          naturalKey: activityKey(record),
          source: 'demo',
          recordedBy: null,
        });
      });
    }
    counts.activities += await insertActivities(tx, org.id, sessions);
    for (let month = 0; month < 18; month++) {
      await insertVolunteerHours(tx, org.id, {
        workedOn: iso(WINDOW_START + month * 30 * DAY + 20 * DAY),
        volunteerLabel: '',
        volunteers: 3,
        hours: 12,
        note: 'Admin, phone calls and setting up',
        recordedBy: null,
      });
    }
  }
  return counts;
}

/**
 * Benchmark data: N assessments spread over the given organisations (ONS4 and BARC-10
 * alternately, four a participant), written through the write path in batches.
 */
export async function seedEvidenceSynthetic(
  db: Kysely<DB>,
  options: { orgIds: readonly string[]; assessments: number; prefix: string },
): Promise<number> {
  await syncShippedInstruments(db);
  const rand = seededRandom(7);
  const perOrg = Math.ceil(options.assessments / Math.max(1, options.orgIds.length));
  let written = 0;
  for (const [o, orgId] of options.orgIds.entries()) {
    const target = Math.min(perOrg, options.assessments - written);
    if (target <= 0) break;
    await db.transaction().execute(async (tx) => {
      let orgWritten = 0;
      const people = Math.ceil(target / 2); // each person gives at least two questionnaires
      for (let start = 0; start < people; start += 2500) {
        const batch: ParticipantToStore[] = Array.from({ length: Math.min(2500, people - start) }, (_, k) => ({
          code: `${options.prefix.toUpperCase()}-${o}-${start + k}`,
          firstName: '',
          ageBand: '',
          gender: '',
          ethnicity: '',
          mainSubstances: [],
          localAuthority: '',
          consents: [
            { kind: 'record', given: true, decidedOn: '2025-01-01', wordingVersion: 'synthetic' },
            { kind: 'network', given: rand() < 0.9, decidedOn: '2025-01-01', wordingVersion: 'synthetic' },
          ],
        }));
        const ids = await insertParticipants(tx, orgId, batch, null);
        const assessments = batch
          .flatMap((p) => personAssessments(rand, ids.get(p.code)!, p.code).slice(0, 4))
          .slice(0, target - orgWritten);
        await insertAssessments(tx, orgId, assessments);
        orgWritten += assessments.length;
        if (orgWritten >= target) break;
      }
      written += orgWritten;
    });
  }
  return written;
}
