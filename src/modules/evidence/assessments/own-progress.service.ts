// A participant who asks to see how their answers have changed sees it once, in the answer to the
// form they just sent: the spent link unlocks it only for a few minutes after its use, and only for
// the questionnaire it was for. Later visits to the link show nothing about them.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit.repository.ts';
import { looksLikeToken } from '../../../platform/auth/tokens.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { progressOfRows, type MeasureProgress } from '../domain/progress.ts';
import { findInstrumentVersionsForOrg } from '../instruments/instruments.repository.ts';
import * as repo from './assessments.repository.ts';
import { hashLinkToken } from './assessments.service.ts';

/** How long after sending their answers the spent link still shows them their progress. */
export const OWN_PROGRESS_WINDOW_MS = 5 * 60_000;

export async function showOwnProgress(db: Kysely<DB>, token: string, now = new Date()): Promise<MeasureProgress[]> {
  if (!looksLikeToken(token)) return [];
  const link = await repo.findCompletionLink(db, hashLinkToken(token));
  if (!link?.used_at || now.getTime() - link.used_at.getTime() > OWN_PROGRESS_WINDOW_MS) return [];
  const rows = (await repo.listAssessmentsForParticipant(db, link.org_id, link.participant_id)).filter(
    (a) => a.instrument_key === link.instrument_key,
  );
  const versions = await findInstrumentVersionsForOrg(
    db,
    link.org_id,
    rows.map((a) => ({ key: a.instrument_key, version: a.instrument_version })),
  );
  await recordAudit(db, {
    orgId: link.org_id,
    actorId: null,
    action: 'self_completion.progress_shown',
    subjectType: 'participant',
    subjectId: link.participant_id,
    detail: { instrument: link.instrument_key },
  });
  return progressOfRows(rows, versions);
}
