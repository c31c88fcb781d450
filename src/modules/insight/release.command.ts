// `connectors figures publish [--on YYYY-MM-DD]`: make a release of the outside figures now
// (the first one on a new installation, or one the monthly job missed). One release per date.
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { todayInUk } from '../../platform/time.ts';
import { releaseDateText } from './domain/release-calendar.ts';
import { publishRelease } from './release.service.ts';

export async function runFiguresCommand(
  args: string[],
  db: Kysely<DB>,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'publish') {
    io.err('Say what to do: `connectors figures publish [--on YYYY-MM-DD]` makes a release of the published figures.');
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { on: { type: 'string' } }, strict: true });
  const on = values.on ?? todayInUk();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on))) {
    io.err('--on must be a date written YYYY-MM-DD, for example 2026-12-01.');
    return 2;
  }
  if (on > todayInUk()) {
    io.err("A release can't be dated in the future: give today's date or an earlier one.");
    return 2;
  }
  const { release, created } = await publishRelease(db, on);
  io.out(
    created
      ? `Published the figures as at ${releaseDateText(release.releasedOn)}; the next update is due ${releaseDateText(release.nextReleaseOn)}.`
      : `There is already a release dated ${releaseDateText(release.releasedOn)}; nothing changed.`,
  );
  return 0;
}
