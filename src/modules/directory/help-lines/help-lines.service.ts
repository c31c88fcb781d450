// Use cases of the help-now numbers: what the public sees (only numbers someone has checked),
// and a coordinator keeping them right.
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { TtlCache } from '../../../platform/http/page-cache.ts';
import type { HelpNowLine } from '../../../ui/help-now.tsx';
import * as repo from './help-lines.repository.ts';
import type { HelpLineInput } from './help-lines.schemas.ts';

type Db = Kysely<DB>;

export const NATION_LABEL: Record<string, string> = {
  uk: 'Anywhere in the UK',
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'england-wales': 'England and Wales',
};

/** Numbers for the public panel: checked ones only. A number never checked is never shown. */
export function publicLines(rows: readonly repo.HelpLineRow[]): HelpNowLine[] {
  return rows
    .filter((r) => r.last_checked_on !== null && r.number.trim() !== '')
    .map((r) => ({
      name: r.name,
      number: r.number,
      purpose: r.purpose,
      where: r.nations === 'uk' ? '' : (NATION_LABEL[r.nations] ?? ''),
    }));
}

const cache = new TtlCache<HelpNowLine[]>(30_000);

/** The panel's numbers, shared by every public page for half a minute. */
export async function loadHelpNow(db: Db): Promise<HelpNowLine[]> {
  return cache.get('lines', async () => publicLines(await repo.listHelpLines(db)));
}

export interface HelpLineAdminView {
  id: string;
  name: string;
  number: string;
  purpose: string;
  where: string;
  /** 'YYYY-MM-DD', or null when nobody has checked it. */
  lastCheckedOn: string | null;
  checkedBy: string;
  shownToPublic: boolean;
}

export async function loadHelpLinesPage(db: Db): Promise<HelpLineAdminView[]> {
  return (await repo.listHelpLines(db)).map((r) => ({
    id: r.id,
    name: r.name,
    number: r.number,
    purpose: r.purpose,
    where: NATION_LABEL[r.nations] ?? r.nations,
    lastCheckedOn: r.last_checked_on,
    checkedBy: r.checked_by_name ?? '',
    shownToPublic: r.last_checked_on !== null && r.number.trim() !== '',
  }));
}

export async function loadHelpLine(db: Db, id: string): Promise<HelpLineAdminView> {
  const line = (await loadHelpLinesPage(db)).find((l) => l.id === id);
  if (!line) throw notFound('help line');
  return line;
}

/**
 * Saves a coordinator's change. Ticking "checked" stamps today; changing the number without
 * checking it takes it off the public panel until someone does.
 */
export async function saveHelpLine(
  db: Db,
  actor: SignedInActor,
  id: string,
  input: HelpLineInput,
  today: string,
): Promise<string> {
  const name = await db.transaction().execute(async (tx) => {
    const before = await repo.findHelpLine(tx, id);
    if (!before) throw notFound('help line');
    const numberChanged = before.number !== input.number;
    const checked = input.checked === 'yes';
    const after = {
      number: input.number,
      purpose: input.purpose,
      last_checked_on: checked ? today : numberChanged || input.number === '' ? null : before.last_checked_on,
      checked_by: checked ? actor.personId : numberChanged ? null : before.checked_by,
    };
    await repo.updateHelpLine(tx, id, after);
    await recordAudit(tx, {
      orgId: null,
      actorId: actor.personId,
      action: 'directory.help_line_saved',
      subjectType: 'help_line',
      subjectId: id,
      detail: {
        before: { number: before.number, purpose: before.purpose, last_checked_on: before.last_checked_on },
        after: { number: after.number, purpose: after.purpose, last_checked_on: after.last_checked_on },
      },
    });
    return before.name;
  });
  cache.clear();
  return name;
}
