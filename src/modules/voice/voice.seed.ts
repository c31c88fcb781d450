// Demo data for the voice: an open network consultation with votes from 30 made-up people,
// shared words approved for quoting, and a published collection of phrases.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/modules.ts';
import { analyse, type VoteValue } from './domain/analysis.ts';
import { FIXTURE_COMMENTS } from './domain/comments.fixture.ts';
import { seededRandom } from './domain/synthetic.ts';
import * as consultations from './consultations/consultations.repository.ts';
import * as words from './words/words.repository.ts';

const STATEMENTS = [
  'Peer support should be offered to everyone leaving treatment.',
  'People with lived experience should sit on every commissioning panel.',
  'Short-term funding does more harm than good.',
  'Recovery cafés should be funded as core services.',
  'Abstinence should be the goal of every recovery service.',
  'Medication-assisted recovery is real recovery.',
  'Naloxone should be carried by every volunteer.',
  'Online meetings are as good as meeting in person.',
  'Our figures should be pooled across the network.',
  'Local councils listen to small groups.',
];

export async function seedVoiceDemo(tx: Kysely<DB>, context: DemoSeedContext): Promise<void> {
  const coordinator = context.people.get('coordinator@demo.example') ?? null;
  const now = Date.now();
  const id = await consultations.insertConsultation(tx, {
    orgId: null,
    title: 'What should the national drugs review hear from us?',
    background: 'The review is asking for evidence. Tell us where you stand, one statement at a time.',
    audience: 'link',
    opensAt: new Date(now - 7 * 86400000),
    closesAt: new Date(now + 21 * 86400000),
    resultsVisibility: 'live',
    statementsPerPerson: 3,
    createdBy: coordinator,
  });
  const ids = await consultations.insertStatements(tx, id, null, STATEMENTS, 'accepted');
  const rand = seededRandom(11);
  // Two leanings (abstinence-first and harm-reduction-first) that agree on the funding statements.
  for (let p = 0; p < 30; p++) {
    const camp = p % 2;
    const participant = await consultations.ensureParticipant(tx, id, null, { tokenHash: `demo-${p}` });
    for (const [j, sid] of ids.entries()) {
      if (rand() < 0.1) continue;
      const lean: VoteValue = [0, 1, 2, 3, 6, 8].includes(j)
        ? 1
        : j === 4
          ? camp
            ? -1
            : 1
          : j === 5
            ? camp
              ? 1
              : -1
            : rand() < 0.5
              ? 1
              : -1;
      const value: VoteValue = rand() < 0.85 ? lean : 0;
      await consultations.upsertVote(tx, {
        consultationId: id,
        orgId: null,
        statementId: sid,
        participantId: participant,
        value,
        addressHash: 'demo',
      });
    }
  }
  const votes = await consultations.readVotes(tx, id);
  await consultations.saveAnalysis(tx, id, null, votes.length, analyse(votes as never, ids));

  for (const [i, text] of FIXTURE_COMMENTS.slice(0, 60).entries()) {
    await words.insertWord(tx, {
      orgId: null,
      consultationId: null,
      source: 'share',
      text,
      quoteAs: i % 5 === 0 ? 'first_name' : 'anonymous',
      firstName: i % 5 === 0 ? ['Sam', 'Jo', 'Kez', 'Ali'][i % 4]! : '',
      personId: null,
      withdrawTokenHash: null,
    });
  }
  await words.approveAllFrom(tx, 'share');
  const collection = await words.insertCollection(tx, 'You are not alone', coordinator ?? '');
  const all = await words.listQuotable(tx);
  const lines = [
    'peer support saved my life',
    'someone who gets it',
    'a safe space to be yourself',
    'hope is contagious',
    'You are not alone',
    'stronger together',
    'we are stronger together than on our own',
  ];
  const picked = lines.flatMap((l, i) => {
    const w = all.find((x) => x.text.toLowerCase().includes(l.toLowerCase()));
    if (!w) return [];
    const at = w.text.toLowerCase().indexOf(l.toLowerCase());
    return [{ text: w.text.slice(at, at + l.length), wordId: w.id, spaceBefore: i === 3 }];
  });
  await words.replaceCollection(tx, collection, {
    title: 'You are not alone',
    introduction: 'From our first online day.',
    lines: picked,
  });
  await words.publishCollection(tx, collection);
}
