// A tiny time-based cache for pages every anonymous visitor sees alike (the home page):
// rendering them once every few seconds instead of per request keeps a busy public page
// cheap. One in-flight render is shared, so a burst doesn't stampede the database.
export class TtlCache<V> {
  private entries = new Map<string, { value: Promise<V>; expires: number }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, make: () => Promise<V>): Promise<V> {
    const now = Date.now();
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
}
