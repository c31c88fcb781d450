// The public profile page of a member: its entry, the areas it serves, its services with their
// next session, its marks, and the next few public events it runs.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OrgMarksSource } from '../../platform/modules.ts';
import { listUpcomingPublicEvents } from '../events/index.ts';
import { loadPublicProfile } from './directory.service.ts';
import type { ProfileView } from './directory.views.tsx';
import { loadHelpNow } from './help-lines/help-lines.service.ts';

export async function loadProfilePage(db: Kysely<DB>, slug: string, orgMarks?: OrgMarksSource): Promise<ProfileView> {
  const { profile: p, areas: served, services, lastUpdated, marks, logo } = await loadPublicProfile(db, slug, orgMarks);
  const [helpNow, upcomingEvents] = await Promise.all([
    loadHelpNow(db),
    listUpcomingPublicEvents(db, { orgId: p.id, limit: 3 }),
  ]);
  return {
    slug: p.slug,
    name: p.name,
    summary: p.summary,
    town: p.town,
    region: p.region,
    sizeBand: p.size_band,
    founded: p.founded_year,
    charityNumber: p.charity_number ?? '',
    companyNumber: p.company_number ?? '',
    website: p.website ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    socialLinks: (p.social_links ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    livedExperience: p.lived_experience ?? '',
    areas: served.map((a) => ({ name: a.name, slug: a.slug })),
    marks,
    lastUpdated,
    logo,
    helpNow,
    upcomingEvents,
    services: services.map((s) => ({
      id: s.row.id,
      name: s.row.name,
      description: s.row.description,
      whoFor: s.row.who_for,
      howToJoin: s.row.how_to_join,
      mode: s.row.mode,
      free: s.row.free,
      costNote: s.row.cost_note,
      url: s.row.url,
      types: s.types,
      venues: s.venues,
      times: s.times,
      nextSession: s.nextSession,
    })),
  };
}
