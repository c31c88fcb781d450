// A cache for what every visitor sees alike (search results, feed pages). Built on the
// platform's TtlCache, but started afresh every `ttlMs`, so the number of distinct keys it
// can hold is bounded by one period's traffic rather than growing for ever.
import { TtlCache } from '../../platform/http/page-cache.ts';

export class SharedCache<V> {
  private cache: TtlCache<V>;
  private renewAt: number;
  constructor(private readonly ttlMs: number) {
    this.cache = new TtlCache<V>(ttlMs);
    this.renewAt = Date.now() + ttlMs;
  }

  get(key: string, make: () => Promise<V>): Promise<V> {
    if (Date.now() > this.renewAt) {
      this.cache = new TtlCache<V>(this.ttlMs);
      this.renewAt = Date.now() + this.ttlMs;
    }
    return this.cache.get(key, make);
  }

  clear(): void {
    this.cache.clear();
  }
}
