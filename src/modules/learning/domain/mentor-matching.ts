// Suggests mentors for a new group: established members ranked by distance, shared service
// types, size and their stated capacity to mentor, each suggestion with its reasons. Pure.
export interface MatchGroup {
  orgId: string;
  name: string;
  /** Where the organisation is, when it has a place on the map. */
  at: { lat: number; lon: number } | undefined;
  serviceTypes: readonly string[];
  sizeBand: 'volunteers' | 'small_staff' | 'larger';
}

export interface MentorCandidate extends MatchGroup {
  /** How many groups it offered to mentor at once; 0 means not now. */
  capacity: number;
  /** How many it mentors already. */
  mentoring: number;
}

export interface MentorSuggestion {
  orgId: string;
  name: string;
  score: number;
  distanceKm: number | undefined;
  reasons: string[];
}

const SIZE_ORDER = { volunteers: 0, small_staff: 1, larger: 2 } as const;

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/**
 * Scores, each in 0..1, weighted: nearness 0.4 (1 within 10 km, falling to 0 at 300 km),
 * shared service types 0.35 (share of the group's types), size 0.1 (a larger organisation
 * has more to pass on), spare capacity 0.15. A candidate with no spare capacity is never
 * suggested; neither is the group itself.
 */
export function rankMentors(group: MatchGroup, candidates: readonly MentorCandidate[], limit = 5): MentorSuggestion[] {
  const out: MentorSuggestion[] = [];
  for (const c of candidates) {
    if (c.orgId === group.orgId) continue;
    const spare = c.capacity - c.mentoring;
    if (c.capacity <= 0 || spare <= 0) continue;
    const reasons: string[] = [];
    const km = group.at && c.at ? distanceKm(group.at, c.at) : undefined;
    const near = km === undefined ? 0 : km <= 10 ? 1 : Math.max(0, 1 - (km - 10) / 290);
    if (km !== undefined)
      reasons.push(km < 1 ? 'Less than a mile away' : `About ${Math.round(km / 1.609344)} miles away`);
    const shared = c.serviceTypes.filter((t) => group.serviceTypes.includes(t));
    const focus = group.serviceTypes.length ? shared.length / group.serviceTypes.length : 0;
    if (shared.length)
      reasons.push(
        `Also runs ${shared.length === 1 ? 'this kind of support' : `${shared.length} of the same kinds of support`}`,
      );
    const size = SIZE_ORDER[c.sizeBand] / 2;
    if (SIZE_ORDER[c.sizeBand] > SIZE_ORDER[group.sizeBand]) reasons.push('An established organisation with staff');
    const room = Math.min(1, spare / 3);
    reasons.push(spare === 1 ? 'Has room to mentor one more group' : `Has room to mentor ${spare} more groups`);
    const score = 0.4 * near + 0.35 * focus + 0.1 * size + 0.15 * room;
    out.push({ orgId: c.orgId, name: c.name, score: Math.round(score * 1000) / 1000, distanceKm: km, reasons });
  }
  out.sort(
    (a, b) =>
      b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name),
  );
  return out.slice(0, limit);
}
