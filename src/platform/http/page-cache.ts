// A small time-based cache for what every visitor sees alike (the home page, search answers,
// feed pages): rendered once every few seconds instead of per request. One in-flight render is
// shared, so a burst doesn't stampede the database. Expired entries are swept at most once per
// period, so memory is bounded by one period's distinct keys, however many keys pass through.
export class TtlCache<V> {
  private entries = new Map<string, { value: Promise<V>; expires: number }>();
  private nextSweep: number;

  constructor(private readonly ttlMs: number) {
    this.nextSweep = Date.now() + ttlMs;
  }

  get(key: string, make: () => Promise<V>): Promise<V> {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = make();
    this.entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => this.entries.delete(key)); // never cache a failure
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    this.nextSweep = now + this.ttlMs;
  }
}
