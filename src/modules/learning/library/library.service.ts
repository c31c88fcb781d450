// Library use cases: search and read, write a resource, submit and review stories, attach
// files, keep resources reviewed.
import type { Actor, SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound, type ErrorCode } from '../../../platform/http/errors.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { TtlCache } from '../../../platform/http/page-cache.ts';
import { findOrgsOffering, findOrgsOfferingEach } from '../../directory/index.ts';
import { checkAttachment } from '../domain/file-type.ts';
import { markdownToText, renderMarkdown } from '../domain/markdown.ts';
import { reviewReminderDue, reviewState, type ReviewState } from '../domain/review.ts';
import { parseSearchQuery } from '../domain/search-query.ts';
import {
  CHIME_LABEL,
  KIND_LABEL,
  TOPIC_LABEL,
  type ChimeDomain,
  type ResourceKind,
  type Topic,
} from '../domain/tags.ts';
import { canReadResource, coordinateLearning } from '../learning.policy.ts';
import { SERVICE_TYPE_LABEL } from '../learning.vocab.ts';
import { viewerOf } from '../membership.ts';
import * as repo from './library.repository.ts';
import { STORY_SECTIONS, type ResourceForm, type SearchQuery, type StoryForm } from './library.schemas.ts';

export const PAGE_SIZE = 10;

export const tagsTextOf = (i: { chime: string[]; topics: string[]; service_types: string[] }) =>
  [
    ...i.topics.map((t) => TOPIC_LABEL[t as Topic] ?? t),
    ...i.chime.map((c) => CHIME_LABEL[c as ChimeDomain] ?? c),
    ...i.service_types.map((s) => SERVICE_TYPE_LABEL[s] ?? s),
  ].join(' ');

export interface SearchPageView {
  query: SearchQuery;
  total: number;
  pages: number;
  hits: (repo.SearchHit & { kindLabel: string; review: ReviewState; whoDoesThis: { slug: string; name: string }[] })[];
  facets: Record<repo.FacetCount['facet'], { value: string; label: string; n: number }[]>;
  member: boolean;
}

/**
 * The same search asked again within 30 seconds is answered from memory (one cache per
 * database, keyed by the words, filters, page and whether the person may see members-only
 * resources). A change to the library on this instance clears it at once; other instances
 * catch up within the 30 seconds.
 */
const SEARCH_TTL_MS = 30_000;
const searchCaches = new WeakMap<object, TtlCache<Awaited<ReturnType<typeof repo.searchResources>>>>();
const searchCacheOf = (db: object) => {
  let c = searchCaches.get(db);
  if (!c) searchCaches.set(db, (c = new TtlCache(SEARCH_TTL_MS)));
  return c;
};
const libraryChanged = (deps: Pick<Deps, 'db'>) => searchCacheOf(deps.db).clear();

export async function loadLibraryPage(
  deps: Deps,
  actor: Actor,
  query: SearchQuery,
  now = new Date(),
): Promise<SearchPageView> {
  const viewer = await viewerOf(deps, actor);
  const parsed = parseSearchQuery(query.q);
  const input: repo.SearchInput = {
    q: query.q,
    loose: parsed.loose,
    excluded: parsed.excluded,
    filters: {
      kind: query.kind,
      chime: query.chime,
      topic: query.topic,
      orgSlug: query.org,
      area: query.area,
      language: query.language,
    },
    member: viewer.member,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  };
  const { hits, total, facets } = await searchCacheOf(deps.db).get(JSON.stringify(input), () =>
    repo.searchResources(deps.db, input),
  );
  const grouped: SearchPageView['facets'] = { kind: [], chime: [], topic: [], org: [], area: [] };
  const label = (f: repo.FacetCount) =>
    f.facet === 'kind'
      ? KIND_LABEL[f.value as ResourceKind]
      : f.facet === 'chime'
        ? CHIME_LABEL[f.value as ChimeDomain]
        : f.facet === 'topic'
          ? TOPIC_LABEL[f.value as Topic]
          : f.label;
  for (const f of facets) grouped[f.facet].push({ value: f.value, label: label(f) ?? f.value, n: f.n });
  for (const list of Object.values(grouped)) list.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  // Each result links to directory profiles of groups offering its kinds of support (one query).
  const offering = await findOrgsOfferingEach(
    deps.db,
    hits.flatMap((h) => h.service_types),
    3,
  );
  const whoDoesThis = (h: repo.SearchHit) => {
    const seen = new Map<string, { slug: string; name: string }>();
    for (const o of h.service_types.flatMap((t) => offering.get(t) ?? []))
      if (o.slug !== h.org_slug) seen.set(o.slug, o);
    return [...seen.values()].slice(0, 3);
  };
  return {
    query,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hits: hits.map((h) => ({
      ...h,
      kindLabel: KIND_LABEL[h.kind as ResourceKind] ?? h.kind,
      review: reviewState(new Date(h.reviewed_on), now),
      whoDoesThis: whoDoesThis(h),
    })),
    facets: grouped,
    member: viewer.member,
  };
}

export async function suggestResourceTitles(deps: Deps, actor: Actor, q: string) {
  const viewer = await viewerOf(deps, actor);
  if (q.trim().length < 2) return [];
  const rows = await repo.suggestTitles(deps.db, q.trim().slice(0, 100), viewer.member);
  return rows.map((r) => ({ id: r.id, title: r.title }));
}

export interface ResourcePageView {
  id: string;
  title: string;
  summary: string;
  kind: string;
  kindLabel: string;
  language: string;
  visibility: string;
  status: string;
  reviewNote: string;
  orgName: string;
  orgSlug: string;
  bodyHtml: string;
  storySections: { label: string; html: string }[];
  links: string[];
  chime: { value: string; label: string }[];
  topics: { value: string; label: string }[];
  serviceTypes: { value: string; label: string }[];
  reviewedOn: Date;
  review: ReviewState;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  whoDoesThis: { slug: string; name: string }[];
}

async function readableResource(deps: Deps, actor: Actor, id: string) {
  const r = await repo.findResource(deps.db, id);
  if (!r) throw notFound('resource');
  const viewer = await viewerOf(deps, actor);
  if (
    !canReadResource(viewer.actor, viewer.memberOrgIds, { visibility: r.visibility, status: r.status, orgId: r.org_id })
  ) {
    throw notFound('resource'); // members-only and drafts look missing to everyone else
  }
  return r;
}

export async function loadResourcePage(
  deps: Deps,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<ResourcePageView> {
  const r = await readableResource(deps, actor, id);
  const [attachments, whoDoesThis] = await Promise.all([
    repo.listAttachments(deps.db, r.id),
    findOrgsOffering(deps.db, r.service_types),
  ]);
  const story = (r.story ?? null) as Record<string, string> | null;
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    kindLabel: KIND_LABEL[r.kind as ResourceKind] ?? r.kind,
    language: r.language,
    visibility: r.visibility,
    status: r.status,
    reviewNote: r.review_note,
    orgName: r.org_name,
    orgSlug: r.org_slug,
    bodyHtml: story ? '' : renderMarkdown(r.body),
    storySections: story
      ? STORY_SECTIONS.map((s) => ({ label: s.label, html: renderMarkdown(story[s.key] ?? '') }))
      : [],
    links: r.links,
    chime: r.chime.map((c) => ({ value: c, label: CHIME_LABEL[c as ChimeDomain] ?? c })),
    topics: r.topics.map((t) => ({ value: t, label: TOPIC_LABEL[t as Topic] ?? t })),
    serviceTypes: r.service_types.map((s) => ({ value: s, label: SERVICE_TYPE_LABEL[s] ?? s })),
    reviewedOn: new Date(r.reviewed_on),
    review: reviewState(new Date(r.reviewed_on), now),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
    })),
    whoDoesThis: whoDoesThis.filter((o) => o.slug !== r.org_slug),
  };
}

export async function loadAttachment(deps: Deps, actor: Actor, resourceId: string, fileId: string) {
  const r = await readableResource(deps, actor, resourceId);
  const file = await repo.findAttachment(deps.db, r.id, fileId);
  if (!file) throw notFound('file');
  return { fileName: file.file_name, mediaType: file.media_type, data: file.data };
}

export async function createResource(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  input: ResourceForm,
): Promise<string> {
  const id = await deps.db.transaction().execute(async (tx) =>
    repo.insertResource(tx, {
      orgId: org.id,
      authorId: actor.personId,
      kind: input.kind,
      language: input.language,
      title: input.title,
      summary: input.summary,
      body: input.body,
      bodyText: markdownToText(input.body),
      story: null,
      links: input.links,
      chime: input.chime,
      serviceTypes: input.service_types,
      topics: input.topics,
      tagsText: tagsTextOf(input),
      visibility: input.visibility,
      status: 'published',
    }),
  );
  libraryChanged(deps);
  return id;
}

export async function submitStory(deps: Deps, actor: SignedInActor, org: OrgTarget, input: StoryForm): Promise<string> {
  const story = Object.fromEntries(STORY_SECTIONS.map((s) => [s.key, input[s.key]]));
  const body = STORY_SECTIONS.map((s) => `## ${s.label}\n\n${input[s.key]}`).join('\n\n');
  return deps.db.transaction().execute(async (tx) =>
    repo.insertResource(tx, {
      orgId: org.id,
      authorId: actor.personId,
      kind: 'story',
      language: input.language,
      title: input.title,
      summary: input.summary,
      body,
      bodyText: markdownToText(body),
      story,
      links: input.links,
      chime: input.chime,
      serviceTypes: input.service_types,
      topics: input.topics,
      tagsText: tagsTextOf(input),
      visibility: input.visibility,
      status: 'submitted',
    }),
  );
}

export async function decideStory(deps: Deps, actor: SignedInActor, id: string, publish: boolean, note: string) {
  if (!coordinateLearning.allows(actor)) throw notFound('story');
  const story = await repo.findResource(deps.db, id);
  if (!story || story.kind !== 'story') throw notFound('story');
  const changed = await deps.db.transaction().execute(async (tx) => {
    const ok = await repo.setStoryDecision(tx, id, publish, note);
    if (ok)
      await recordAudit(tx, {
        orgId: story.org_id,
        actorId: actor.personId,
        action: publish ? 'learning.story.published' : 'learning.story.returned',
        subjectType: 'learning_resource',
        subjectId: id,
      });
    return ok;
  });
  if (!changed) throw new AppError('conflict', 'Someone has already reviewed this story.');
  libraryChanged(deps);
  const leads = await repo.orgLeadEmails(deps.db, story.org_id);
  const link = `${deps.config.publicUrl}/orgs/${story.org_slug}/learning`;
  for (const to of leads) {
    await deps.mailer.send({
      to,
      subject: publish
        ? `Your story "${story.title}" is in the library`
        : `Your story "${story.title}" needs a few changes`,
      text: publish
        ? `Thank you for sharing "${story.title}". It is now in the network's library for others to learn from.\n\n${link}\n`
        : `Thank you for sharing "${story.title}". The coordinator asked for a few changes before it goes in the library:\n\n${note}\n\n${link}\n`,
    });
  }
  return story;
}

export async function listStoriesToReview(deps: Deps) {
  const rows = await repo.listStoriesWaiting(deps.db);
  return rows.map((r) => ({ id: r.id, title: r.title, orgName: r.org_name, submittedAt: r.created_at }));
}

export async function listOrgLibrary(deps: Deps, org: OrgTarget, now = new Date()) {
  const rows = await repo.listOrgResources(deps.db, org.id);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kindLabel: KIND_LABEL[r.kind as ResourceKind] ?? r.kind,
    status: r.status,
    visibility: r.visibility,
    reviewNote: r.review_note,
    review: reviewState(new Date(r.reviewed_on), now),
  }));
}

export async function markResourceReviewed(deps: Deps, _actor: SignedInActor, org: OrgTarget, id: string) {
  if (!(await repo.markReviewed(deps.db, org.id, id))) throw notFound('resource');
  libraryChanged(deps);
}

export type AttachResult = { ok: true } | { ok: false; message: string; code: ErrorCode };

export async function attachFile(
  deps: Deps,
  _actor: SignedInActor,
  org: OrgTarget,
  resourceId: string,
  fileName: string,
  bytes: Buffer,
): Promise<AttachResult> {
  const r = await repo.findResource(deps.db, resourceId);
  if (!r || r.org_id !== org.id) throw notFound('resource');
  const check = checkAttachment(fileName, bytes);
  if (!check.ok) return { ok: false, message: check.message, code: 'unsupported_media_type' };
  const count = (await repo.listAttachments(deps.db, r.id)).length;
  if (count >= 10) return { ok: false, message: 'A resource can have at most 10 files.', code: 'conflict' };
  await repo.insertAttachment(deps.db, {
    orgId: org.id,
    resourceId: r.id,
    fileName: check.fileName,
    mediaType: check.mediaType,
    data: bytes,
  });
  return { ok: true };
}

/** The review reminder job: tells each owner's leads which resources need checking. */
export async function remindReviews(deps: Deps, now = new Date()): Promise<number> {
  const due = (await repo.resourcesDueForReview(deps.db)).filter((r) =>
    reviewReminderDue(new Date(r.reviewed_on), r.review_reminded_at, now),
  );
  let sent = 0;
  for (const r of due) {
    if (!(await repo.claimReviewReminder(deps.db, r.id))) continue; // another process has it
    for (const to of await repo.orgLeadEmails(deps.db, r.org_id)) {
      await deps.mailer.send({
        to,
        subject: `Is "${r.title}" still right?`,
        text: `"${r.title}" in the network library was last checked a year ago. If it is still right, mark it as checked; if not, update it.\n\n${deps.config.publicUrl}/orgs/${r.org_slug}/learning\n`,
      });
      sent++;
    }
  }
  return sent;
}

/** The front door of shared learning: the newest resources and stories this person may see. */
export async function loadLearningHub(deps: Deps, actor: Actor) {
  const viewer = await viewerOf(deps, actor);
  const [resources, stories] = await Promise.all([
    repo.latestResources(deps.db, { member: viewer.member, kind: 'resource', limit: 5 }),
    repo.latestResources(deps.db, { member: viewer.member, kind: 'story', limit: 3 }),
  ]);
  return { resources, stories, member: viewer.member };
}
