// The network's own words: shared with a choice about quoting, checked before anything is
// public, withdrawable; key phrases ranked from them; collections of phrases curated from them.
import { randomBytes } from 'node:crypto';
import { isSignedIn, type Actor, type SignedInActor } from '../../../platform/auth/actor.ts';
import { hashToken } from '../../../platform/auth/tokens.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { listConsentedFeedbackComments } from '../../events/index.ts';
import { rankKeyPhrases, type KeyPhrase } from '../domain/key-phrases.ts';
import * as repo from './words.repository.ts';
export type { CollectionRow, LineRow, WordRow } from './words.repository.ts';

export interface ShareInput {
  text: string;
  quoteAs: 'none' | 'anonymous' | 'first_name';
  firstName: string;
  consultationId: string | null;
}

/** Returns the token of the link that withdraws the words. */
export async function shareWords(deps: Deps, actor: Actor, input: ShareInput): Promise<string> {
  if (input.quoteAs === 'first_name' && !input.firstName)
    throw new AppError('validation', 'Give the first name to quote you with.', {
      firstName: 'Give the first name to quote you with, or choose another option',
    });
  const token = randomBytes(24).toString('base64url');
  await repo.insertWord(deps.db, {
    orgId: null,
    consultationId: input.consultationId,
    source: input.consultationId ? 'consultation' : 'share',
    text: input.text,
    quoteAs: input.quoteAs,
    firstName: input.quoteAs === 'first_name' ? input.firstName : '',
    personId: isSignedIn(actor) ? actor.personId : null,
    withdrawTokenHash: hashToken(token),
  });
  return token;
}

export async function findWordsToWithdraw(deps: Deps, token: string) {
  const w = await repo.findByWithdrawToken(deps.db, hashToken(token));
  if (!w || w.status === 'withdrawn') throw notFound('words');
  return w;
}

export async function withdrawWords(deps: Deps, token: string): Promise<void> {
  const w = await findWordsToWithdraw(deps, token);
  await deps.db.transaction().execute(async (tx) => {
    await repo.withdrawWord(tx, w.id);
    await recordAudit(tx, {
      orgId: null,
      actorId: null,
      action: 'voice.words.withdrawn',
      subjectType: 'voice_words',
      subjectId: w.id,
    });
  });
}

/** Event feedback whose writers agreed to be quoted, brought in once each, waiting to be checked. */
export async function bringInEventFeedback(deps: Deps): Promise<number> {
  const comments = await listConsentedFeedbackComments(deps.db, {});
  let added = 0;
  for (const c of comments) {
    const ok = await repo.insertWord(deps.db, {
      orgId: c.orgId,
      consultationId: null,
      source: 'event',
      sourceRef: `event:${c.id}`,
      text: c.text.slice(0, 1000),
      quoteAs: c.attribution.kind,
      firstName: c.attribution.kind === 'first_name' ? c.attribution.firstName.slice(0, 40) : '',
      personId: null,
      withdrawTokenHash: null,
    });
    if (ok) added++;
  }
  return added;
}

export async function loadWordsDesk(deps: Deps) {
  const [pending, quotable] = await Promise.all([repo.listWords(deps.db, 'pending'), repo.listQuotable(deps.db)]);
  return {
    pending,
    quotable,
    phrases: keyPhrasesOf(quotable),
    collections: await repo.listCollections(deps.db, false),
  };
}

export function keyPhrasesOf(words: readonly repo.WordRow[]): KeyPhrase[] {
  return rankKeyPhrases(
    words.map((w) => ({ author: w.id, text: w.text })),
    { limit: 50, minPeople: 2 },
  );
}

export async function moderateWords(deps: Deps, actor: SignedInActor, id: string, approve: boolean): Promise<void> {
  if (!(await repo.moderateWord(deps.db, id, approve ? 'approved' : 'rejected', actor.personId)))
    throw new AppError('conflict', 'Those words have already been looked at.');
}

/** How a quote is credited: a first name only if the writer chose it; never a name otherwise. */
export function creditOf(w: Pick<repo.WordRow, 'quote_as' | 'first_name'>): string {
  return w.quote_as === 'first_name' && w.first_name ? w.first_name : 'A participant';
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

export async function startCollection(deps: Deps, actor: SignedInActor, title: string): Promise<string> {
  return repo.insertCollection(deps.db, title, actor.personId);
}

export async function loadCollectionEditor(deps: Deps, id: string) {
  const c = await repo.findCollection(deps.db, id);
  if (!c) throw notFound('collection');
  const quotable = await repo.listQuotable(deps.db);
  return { collection: c, lines: await repo.listLines(deps.db, id), phrases: keyPhrasesOf(quotable) };
}

/**
 * Saves the facilitator's lines: one per line, a blank line for a space between verses. Every
 * line must be words someone wrote, verbatim, and agreed may be quoted.
 */
export async function saveCollection(
  deps: Deps,
  id: string,
  input: { title: string; introduction: string; lines: string },
): Promise<{ unknown: string[] }> {
  const c = await repo.findCollection(deps.db, id);
  if (!c) throw notFound('collection');
  const quotable = await repo.listQuotable(deps.db);
  const lines: { text: string; wordId: string; spaceBefore: boolean }[] = [];
  const unknown: string[] = [];
  let space = false;
  for (const raw of input.lines.split(/\r?\n/)) {
    const text = raw.trim();
    if (!text) {
      space = lines.length > 0;
      continue;
    }
    const source = quotable.find((w) => w.text.includes(text));
    if (!source) unknown.push(text);
    else lines.push({ text, wordId: source.id, spaceBefore: space });
    space = false;
  }
  if (unknown.length) return { unknown };
  await deps.db
    .transaction()
    .execute((tx) => repo.replaceCollection(tx, id, { title: input.title, introduction: input.introduction, lines }));
  return { unknown: [] };
}

export async function publishCollection(deps: Deps, id: string): Promise<void> {
  const c = await repo.findCollection(deps.db, id);
  if (!c) throw notFound('collection');
  if ((await repo.listLines(deps.db, id)).length === 0)
    throw new AppError('conflict', 'Add some lines before publishing.');
  await repo.publishCollection(deps.db, id);
}

export async function loadPublicCollection(deps: Deps, actor: Actor, id: string, canCoordinate: boolean) {
  const c = await repo.findCollection(deps.db, id);
  if (!c || (c.status !== 'published' && !canCoordinate)) throw notFound('collection');
  return { collection: c, lines: await repo.listLines(deps.db, id) };
}

export async function listPublished(deps: Deps) {
  return repo.listCollections(deps.db, true);
}

export async function listQuotableWords(deps: Deps) {
  return repo.listQuotable(deps.db);
}
