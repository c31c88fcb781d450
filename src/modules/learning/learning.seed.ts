// Demo data for shared learning: a library of its own writing, stories, mentors with room,
// a new group part-way along the pathway, and questions with answers.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/modules.ts';
import { markdownToText } from './domain/markdown.ts';
import { DEMO_RESOURCES, DEMO_STORIES } from './learning.demo-data.ts';
import { insertResource } from './library/library.repository.ts';
import { tagsTextOf } from './library/library.service.ts';
import { STORY_SECTIONS } from './library/library.schemas.ts';
import { upsertOffer, setStep } from './pathway/pathway.repository.ts';
import { saveHelperEntry } from './people/people.repository.ts';
import { insertAnswer, insertQuestion, setAccepted, addHelped } from './questions/questions.repository.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

/** Writes the demo library, spreading authorship over these organisations. Returns resource ids by key. */
export async function insertDemoLibrary(tx: Kysely<DB>, orgIds: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let i = 0;
  for (const d of DEMO_RESOURCES) {
    const orgId = orgIds[i++ % orgIds.length]!;
    const id = await insertResource(tx, {
      orgId,
      authorId: null,
      kind: d.kind,
      language: d.language ?? 'en',
      title: d.title,
      summary: d.summary,
      body: d.body,
      bodyText: markdownToText(d.body),
      story: null,
      links: [],
      chime: d.chime,
      serviceTypes: d.serviceTypes,
      topics: d.topics,
      tagsText: tagsTextOf({ chime: d.chime, topics: d.topics, service_types: d.serviceTypes }),
      visibility: d.visibility ?? 'public',
      status: 'published',
      reviewedOn: daysAgo(d.age ?? (i * 7) % 300),
    });
    ids.set(d.key, id);
  }
  for (const [n, s] of DEMO_STORIES.entries()) {
    const orgId = orgIds[(i++ * 3) % orgIds.length]!;
    const story = Object.fromEntries(STORY_SECTIONS.map((sec) => [sec.key, s[sec.key]]));
    const body = STORY_SECTIONS.map((sec) => `## ${sec.label}\n\n${s[sec.key]}`).join('\n\n');
    const id = await insertResource(tx, {
      orgId,
      authorId: null,
      kind: 'story',
      language: 'en',
      title: s.title,
      summary: s.summary,
      body,
      bodyText: markdownToText(body),
      story,
      links: [],
      chime: s.chime,
      serviceTypes: s.serviceTypes,
      topics: s.topics,
      tagsText: tagsTextOf({ chime: s.chime, topics: s.topics, service_types: s.serviceTypes }),
      visibility: 'public',
      // The last one waits for a coordinator's review.
      status: n === DEMO_STORIES.length - 1 ? 'submitted' : 'published',
    });
    ids.set(s.key, id);
  }
  return ids;
}

export async function seedLearningDemo(tx: Kysely<DB>, context: DemoSeedContext): Promise<void> {
  const orgs = [...context.organisations.values()];
  const members = orgs.filter((o) => o.status === 'member');
  const applicants = orgs.filter((o) => o.status === 'applicant');
  if (members.length === 0) return;
  await insertDemoLibrary(
    tx,
    members.map((o) => o.id),
  );

  // Mentors: several established groups with room, one that has said "not now".
  for (const [n, o] of members.slice(0, 8).entries()) {
    await upsertOffer(
      tx,
      o.id,
      n === 3 ? 0 : 1 + (n % 3),
      n === 3 ? '' : 'Happy to talk through the first year, by phone or over a brew.',
    );
  }
  // A new group part-way along the pathway.
  const newGroup = applicants[0];
  if (newGroup) {
    for (const step of ['people-and-purpose', 'governing-document', 'bank-account', 'safeguarding'])
      await setStep(tx, newGroup.id, step, true, context.people.get('coordinator@demo.example')!);
  }

  // Questions and answers.
  const lead = context.people.get('lead@demo.example');
  const manchesterLead = context.people.get('lead.manchester@demo.example');
  const [leeds, manchester] = members;
  if (!lead || !manchesterLead || !leeds || !manchester) return;
  const q1 = await insertQuestion(tx, {
    orgId: leeds.id,
    personId: lead,
    title: 'How do you handle DBS checks for volunteers with old convictions?',
    body: 'Two of our best volunteers are worried about their checks. What do other groups do?',
    tags: ['dbs', 'volunteers'],
  });
  const a1 = await insertAnswer(tx, {
    orgId: manchester.id,
    questionId: q1,
    personId: manchesterLead,
    body: 'We do a risk assessment conversation with the person first. Most roles only need a basic check. See the library guide on DBS checks.',
  });
  await setAccepted(tx, q1, a1);
  const worker = context.people.get('worker@demo.example');
  if (worker) await addHelped(tx, manchester.id, a1, worker);
  const q2 = await insertQuestion(tx, {
    orgId: manchester.id,
    personId: manchesterLead,
    title: 'Has anyone got a good lone working app?',
    body: 'Our outreach team visit people at home.',
    tags: ['safeguarding'],
  });
  await insertAnswer(tx, {
    orgId: leeds.id,
    questionId: q2,
    personId: lead,
    body: 'We use a simple text check-in with the office rather than an app.',
  });
  await insertQuestion(tx, {
    orgId: leeds.id,
    personId: lead,
    title: 'What do you pay peer workers?',
    body: '',
    tags: ['employment', 'funding'],
  });

  // People who can help: two leads who have said what they can offer.
  await saveHelperEntry(tx, {
    personId: lead,
    orgId: leeds.id,
    canOffer: 'Setting up a recovery café from scratch; food hygiene; a rota of volunteers.',
    lookingFor: 'Someone who has written a National Lottery bid.',
  });
  await saveHelperEntry(tx, {
    personId: manchesterLead,
    orgId: manchester.id,
    canOffer: 'Bid writing (we have had three Awards for All grants); DBS checks for people with convictions.',
    lookingFor: 'Ideas for a walking group in winter.',
  });
}
