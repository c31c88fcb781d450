// Property test: after any random sequence of inserts, edits, deletions, erasures and consent
// changes — through the evidence write path and with raw SQL — the summaries the triggers
// maintain equal a from-scratch computation in TypeScript (and rebuildSummaries gives the same).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { buildOrg } from '../../../test/support/factories.ts';
import { BARC10, ONS4, syncShippedInstruments, type InstrumentDefinition } from '../evidence/index.ts';
import {
  deleteAssessment,
  eraseParticipantRecord,
  insertAssessments,
  insertParticipants,
  recordConsentDecisions,
} from '../evidence/index.ts';
import { summariseReliableChange } from './domain/reliable-change.ts';
import { ZERO_SUMS } from './domain/measure-summary.ts';
import { summariseThresholdCrossing } from './domain/threshold-crossing.ts';
import {
  rebuildSummaries,
  unsafeReadAllStates,
  unsafeReadAllSums,
  type MeasureSums,
  type ParticipantMeasureState,
} from './summaries.repository.ts';

let database: TestDatabase;
let db: Kysely<DB>;
before(async () => {
  database = await freshDatabase();
  db = database.db;
  await syncShippedInstruments(db);
});
after(() => database.close());

/** A made-up organisation measure with a reliable-change rule and bands, to exercise both. */
const CAPITAL: InstrumentDefinition = {
  ...BARC10,
  key: 'test_capital',
  scope: 'organisation',
  measures: BARC10.measures.map((m) => ({
    ...m,
    reference_sd: { value: 4, population: 'test', source: 'test' },
    reliability: { value: 0.8, statistic: 'cronbach_alpha', source: 'test' },
  })),
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rules = Map<string, { direction: 1 | -1; sDiff: number | null; crossing: number | null }>;

/** The same rules as insight_measure_rules, derived here from the definitions in TypeScript. */
function rulesOf(definitions: { orgId: string | null; definition: InstrumentDefinition }[]): Rules {
  const rules: Rules = new Map();
  for (const { orgId, definition } of definitions) {
    for (const m of definition.measures) {
      const direction = m.direction === 'lower_is_better' ? -1 : 1;
      const sDiff =
        m.reference_sd && m.reliability && m.reliability.value < 1
          ? m.reference_sd.value * Math.sqrt(2 * (1 - m.reliability.value))
          : null;
      let crossing: number | null = null;
      const bands = m.bands?.bands ?? [];
      if (bands.length >= 2) {
        crossing =
          direction === 1
            ? [...bands].sort((a, b) => a.min - b.min)[1]!.min
            : [...bands].sort((a, b) => b.max - a.max)[1]!.max;
      }
      rules.set(`${orgId ?? ''}|${definition.key}|${m.key}`, { direction, sDiff, crossing });
    }
  }
  return rules;
}

async function fromScratch(): Promise<{ states: ParticipantMeasureState[]; sums: MeasureSums[] }> {
  const rows = await sql<{
    id: string;
    org_id: string;
    participant_id: string;
    instrument_key: string;
    assessed_on: string;
    created_us: number;
    scores: Record<string, unknown>;
    network: boolean;
  }>`
    select a.id, a.org_id, a.participant_id, a.instrument_key, a.assessed_on::text as assessed_on,
           (extract(epoch from a.created_at) * 1000000)::bigint as created_us, a.scores, p.consent_network as network
    from evidence_assessments a join evidence_participants p on p.id = a.participant_id`.execute(db);
  const defs = await sql<{
    org_id: string | null;
    definition: InstrumentDefinition;
    created_at: Date;
  }>`select org_id, definition, created_at from evidence_instruments order by created_at`.execute(db);
  const rules = rulesOf(defs.rows.map((d) => ({ orgId: d.org_id, definition: d.definition })));
  const groups = new Map<string, typeof rows.rows>();
  for (const row of rows.rows) {
    for (const [measureKey, score] of Object.entries(row.scores)) {
      if (typeof score !== 'number') continue;
      const key = `${row.participant_id}|${row.instrument_key}|${measureKey}`;
      const list = groups.get(key) ?? [];
      list.push({ ...row, scores: { [measureKey]: score } });
      groups.set(key, list);
    }
  }
  const states: ParticipantMeasureState[] = [];
  for (const [key, list] of groups) {
    const [participantId, instrumentKey, measureKey] = key.split('|') as [string, string, string];
    list.sort(
      (a, b) =>
        a.assessed_on.localeCompare(b.assessed_on) ||
        a.created_us - b.created_us ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const first = list[0]!;
    const latest = list[list.length - 1]!;
    const rule =
      rules.get(`${first.org_id}|${instrumentKey}|${measureKey}`) ?? rules.get(`|${instrumentKey}|${measureKey}`);
    const pair = { baseline: first.scores[measureKey] as number, followUp: latest.scores[measureKey] as number };
    const paired = list.length >= 2;
    const direction = rule?.direction === -1 ? ('lower-is-better' as const) : ('higher-is-better' as const);
    const rc =
      paired && rule?.sDiff
        ? summariseReliableChange([pair], { referenceSd: rule.sDiff / Math.SQRT2, reliability: 0, direction })
        : null;
    const tc =
      paired && rule?.crossing != null
        ? summariseThresholdCrossing([pair], { threshold: rule.crossing, direction })
        : null;
    states.push({
      participantId,
      instrumentKey,
      measureKey,
      orgId: first.org_id,
      network: first.network,
      assessments: list.length,
      firstOn: first.assessed_on,
      firstScore: pair.baseline,
      latestOn: latest.assessed_on,
      latestScore: pair.followUp,
      improved: rc ? rc.improved === 1 : null,
      deteriorated: rc ? rc.deteriorated === 1 : null,
      crossingEligible: tc ? tc.eligible === 1 : null,
      crossed: tc ? tc.crossed === 1 : null,
    });
  }
  const sums = new Map<string, MeasureSums>();
  for (const s of states) {
    const key = `${s.orgId}|${s.instrumentKey}|${s.measureKey}|${s.network}`;
    const t = sums.get(key) ?? {
      orgId: s.orgId,
      instrumentKey: s.instrumentKey,
      measureKey: s.measureKey,
      network: s.network,
      ...ZERO_SUMS,
    };
    t.people += 1;
    if (s.assessments === 1) t.baselineOnly += 1;
    else {
      const d = s.latestScore - s.firstScore;
      t.paired += 1;
      t.sumChange += d;
      t.sumChangeSq += d * d;
      t.sumFirst += s.firstScore;
      t.sumFirstSq += s.firstScore ** 2;
      t.sumLatest += s.latestScore;
      t.sumLatestSq += s.latestScore ** 2;
    }
    if (s.improved !== null) {
      t.rcPeople += 1;
      t.improved += s.improved ? 1 : 0;
      t.deteriorated += s.deteriorated ? 1 : 0;
    }
    if (s.crossingEligible !== null) {
      t.crossingPeople += 1;
      t.crossingEligible += s.crossingEligible ? 1 : 0;
      t.crossed += s.crossed ? 1 : 0;
    }
    sums.set(key, t);
  }
  return { states, sums: [...sums.values()] };
}

const sumKey = (s: MeasureSums) => `${s.orgId}|${s.instrumentKey}|${s.measureKey}|${s.network}`;
const stateKey = (s: ParticipantMeasureState) => `${s.participantId}|${s.instrumentKey}|${s.measureKey}`;

async function assertMaintainedEqualsScratch(step: string): Promise<void> {
  const expected = await fromScratch();
  const states = await unsafeReadAllStates(db);
  const sums = await unsafeReadAllSums(db);
  const byKey = <T>(list: T[], key: (t: T) => string) => new Map(list.map((t) => [key(t), t]));
  assert.deepEqual(byKey(states, stateKey), byKey(expected.states, stateKey), `participant state after ${step}`);
  assert.deepEqual(byKey(sums, sumKey), byKey(expected.sums, sumKey), `summaries after ${step}`);
}

function answers(definition: InstrumentDefinition, random: () => number): Record<string, number> {
  return Object.fromEntries(
    definition.items.map((item) => [item.key, item.options[Math.floor(random() * item.options.length)]!.value]),
  );
}

test('maintained summaries equal a from-scratch computation after random writes, edits, deletions, erasures and consent changes', async () => {
  const random = prng(Number(process.env.INSIGHT_SEED ?? 20260101));
  const orgs = [await buildOrg(db), await buildOrg(db), await buildOrg(db)];
  await db
    .insertInto('evidence_instruments')
    .values({
      org_id: orgs[0]!.id,
      scope: 'organisation',
      key: CAPITAL.key,
      version: CAPITAL.version,
      definition: JSON.stringify(CAPITAL),
      origin: 'custom',
    })
    .execute();
  const definitionsFor = (orgIndex: number) => (orgIndex === 0 ? [ONS4, BARC10, CAPITAL] : [ONS4, BARC10]);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const date = () =>
    `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 4) * 7).padStart(2, '0')}`;
  let code = 0;

  // Ordered by what the seeded history itself decides (never by random ids), so the same
  // steps happen on both engines.
  const participants = async () =>
    await db.selectFrom('evidence_participants').select(['id', 'org_id', 'code']).orderBy('code').execute();
  const assessments = async () =>
    await db
      .selectFrom('evidence_assessments as a')
      .innerJoin('evidence_participants as p', 'p.id', 'a.participant_id')
      .select(['a.id', 'a.org_id', 'a.participant_id', 'a.instrument_key'])
      .orderBy('p.code')
      .orderBy('a.natural_key')
      .execute();

  const operations: Record<string, () => Promise<void>> = {
    'add participants (write path)': async () => {
      const o = Math.floor(random() * orgs.length);
      await db.transaction().execute((tx) =>
        insertParticipants(
          tx,
          orgs[o]!.id,
          Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
            code: `P${++code}`,
            firstName: '',
            ageBand: '',
            gender: '',
            ethnicity: '',
            mainSubstances: [],
            localAuthority: '',
            consents: [
              { kind: 'record' as const, given: true, decidedOn: '2025-01-01', wordingVersion: 't' },
              { kind: 'network' as const, given: random() < 0.7, decidedOn: '2025-01-01', wordingVersion: 't' },
            ],
          })),
          null,
        ),
      );
    },
    'import assessments (write path)': async () => {
      const ps = await participants();
      if (ps.length === 0) return;
      const o = pick(orgs);
      const mine = ps.filter((p) => p.org_id === o.id);
      if (mine.length === 0) return;
      const orgIndex = orgs.indexOf(o);
      const batch = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
        const p = pick(mine);
        const definition = pick(definitionsFor(orgIndex));
        return {
          participantId: p.id,
          participantCode: p.code,
          definition,
          assessedOn: date(),
          timePoint: pick(['', 'start', 'review']),
          responses: answers(definition, random),
          source: 'import' as const,
          recordedBy: null,
        };
      });
      await db.transaction().execute((tx) => insertAssessments(tx, o.id, batch));
    },
    'insert assessments (raw SQL, two in one statement, same day)': async () => {
      const ps = await participants();
      if (ps.length === 0) return;
      const p = pick(ps);
      const on = date();
      const score = () => Math.floor(random() * 11);
      await sql`insert into evidence_assessments (org_id, participant_id, instrument_key, instrument_version, assessed_on, responses, scores, source, natural_key)
        values (${p.org_id}, ${p.id}, 'ons4', '1.0.0', ${on}, '{}', ${JSON.stringify({ life_satisfaction: score(), worthwhile: score(), happiness: score(), anxiety: score() })}, 'staff', ${`raw-${++code}`}),
               (${p.org_id}, ${p.id}, 'ons4', '1.0.0', ${on}, '{}', ${JSON.stringify({ life_satisfaction: score(), anxiety: score() })}, 'staff', ${`raw-${++code}`})`.execute(
        db,
      );
    },
    'edit scores and dates (raw SQL)': async () => {
      const as = await assessments();
      if (as.length === 0) return;
      const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(as).id);
      await sql`update evidence_assessments set assessed_on = assessed_on + ${Math.floor(random() * 200) - 100}::integer,
        scores = (select jsonb_object_agg(key, case when jsonb_typeof(value) = 'number' then to_jsonb((value::numeric + ${Math.floor(random() * 5) - 2}))
          else value end) from jsonb_each(scores))
        where id in (${sql.join(chosen)})`.execute(db);
    },
    'delete an assessment (write path)': async () => {
      const as = await assessments();
      if (as.length === 0) return;
      const a = pick(as);
      await db.transaction().execute((tx) => deleteAssessment(tx, a.org_id, a.id));
    },
    'delete assessments (raw SQL)': async () => {
      const as = await assessments();
      if (as.length === 0) return;
      await sql`delete from evidence_assessments where id in (${sql.join([pick(as).id, pick(as).id])})`.execute(db);
    },
    'withdraw or give network consent (write path)': async () => {
      const ps = await participants();
      if (ps.length === 0) return;
      const p = pick(ps);
      await db
        .transaction()
        .execute((tx) =>
          recordConsentDecisions(
            tx,
            p.org_id,
            p.id,
            [{ kind: 'network', given: random() < 0.4, decidedOn: '2025-06-01', wordingVersion: 't' }],
            null,
          ),
        );
    },
    'flip network consent (raw SQL, several at once)': async () => {
      const ps = await participants();
      if (ps.length === 0) return;
      await sql`update evidence_participants set consent_network = not consent_network where id in (${sql.join([pick(ps).id, pick(ps).id, pick(ps).id])})`.execute(
        db,
      );
    },
    'erase a participant (write path)': async () => {
      const ps = await participants();
      if (ps.length < 4) return;
      const p = pick(ps);
      await db.transaction().execute((tx) => eraseParticipantRecord(tx, p.org_id, p.id));
    },
    'delete a participant (raw SQL, cascade)': async () => {
      const ps = await participants();
      if (ps.length < 4) return;
      await sql`delete from evidence_participants where id = ${pick(ps).id}`.execute(db);
    },
    'a transaction that rolls back': async () => {
      const as = await assessments();
      await db
        .transaction()
        .execute(async (tx) => {
          await sql`delete from evidence_assessments`.execute(tx);
          throw new Error('rollback');
        })
        .catch(() => {});
      void as;
    },
  };
  const names = Object.keys(operations);
  const weights = names.map((n) => (n.startsWith('add') ? 3 : n.startsWith('import') ? 4 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const steps = Number(process.env.INSIGHT_STEPS ?? 120);
  for (let step = 1; step <= steps; step++) {
    let r = random() * total;
    let i = 0;
    while ((r -= weights[i]!) > 0) i++;
    await operations[names[i]!]!();
    if (step % 10 === 0 || step === steps) await assertMaintainedEqualsScratch(`step ${step} (${names[i]})`);
  }
  const counted = await unsafeReadAllSums(db);
  assert.ok(
    counted.some((s) => s.paired >= 2),
    'the random history produced paired scores',
  );
  assert.ok(
    counted.some((s) => s.rcPeople > 0),
    'and reliable-change judgements',
  );
  assert.ok(
    counted.some((s) => s.crossingPeople > 0),
    'and threshold judgements',
  );

  // A full rebuild lands in the same place, and so does a changed rule (new definition version).
  await rebuildSummaries(db);
  await assertMaintainedEqualsScratch('rebuildSummaries');
  const tighter = {
    ...CAPITAL,
    version: '2.0.0',
    measures: CAPITAL.measures.map((m) => ({ ...m, reference_sd: { value: 1, population: 'test', source: 'test' } })),
  };
  await db
    .insertInto('evidence_instruments')
    .values({
      org_id: orgs[0]!.id,
      scope: 'organisation',
      key: tighter.key,
      version: tighter.version,
      definition: JSON.stringify(tighter),
      origin: 'custom',
    })
    .execute();
  await assertMaintainedEqualsScratch('a new definition version');
  // Deleting an organisation takes its summaries with it.
  await sql`delete from organisations where id = ${orgs[1]!.id}`.execute(db);
  await assertMaintainedEqualsScratch('deleting an organisation');
});
