// Who gets a place: pure arithmetic over an event's capacity and the registrations holding
// places. Callers run it inside a transaction that has locked the event's row, so the counts
// they pass in cannot change underneath them.
export type Mode = 'in_person' | 'online';
export const MODES: readonly Mode[] = ['in_person', 'online'];

export type Capacity = Record<Mode, number>;

/** Statuses that hold places: confirmed, offered (held for a time) and awaiting approval. */
export const HOLDING = ['confirmed', 'offered', 'requested'] as const;
export type HoldingStatus = (typeof HOLDING)[number];

export interface Holding {
  mode: Mode;
  places: number;
}

export interface Waiting extends Holding {
  id: string;
}

export function freePlaces(capacity: Capacity, holding: readonly Holding[]): Capacity {
  const free: Capacity = { ...capacity };
  for (const h of holding) free[h.mode] -= h.places;
  // Never negative, even if an organiser lowered the capacity below what is already taken.
  return { in_person: Math.max(0, free.in_person), online: Math.max(0, free.online) };
}

/** A new registration holds places when they are free now; otherwise it joins the waiting list. */
export function fitsNow(free: Capacity, mode: Mode, places: number): boolean {
  return places <= free[mode];
}

/**
 * Which waiting registrations to offer places to, in arrival order. A group waits until its
 * whole group fits (it is never split), and a smaller registration behind it that fits is
 * offered the place meanwhile, so no place stays empty while someone could take it.
 */
export function nextOffers(free: Capacity, waitingInArrivalOrder: readonly Waiting[]): string[] {
  const left: Capacity = { ...free };
  const offers: string[] = [];
  for (const w of waitingInArrivalOrder) {
    if (w.places <= left[w.mode]) {
      offers.push(w.id);
      left[w.mode] -= w.places;
    }
  }
  return offers;
}

/** Modes an event offers, from its kind. */
export function modesOf(kind: 'online' | 'in_person' | 'hybrid'): Mode[] {
  return kind === 'hybrid' ? ['in_person', 'online'] : [kind];
}
