// Quarters as a continuous run from the first to the last, so a quarter with nothing recorded
// shows as empty in a chart and a table instead of silently closing the gap. Pure.

/** "2025 Q3" → the next quarter, "2025 Q4"; "2025 Q4" → "2026 Q1". */
export function nextQuarter(quarter: string): string {
  const m = /^(\d{4}) Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 4 ? `${year + 1} Q1` : `${year} Q${q + 1}`;
}

/** Rows for every quarter between the first and the last (rows sorted by quarter); `empty` fills a gap. */
export function fillQuarterGaps<T extends { quarter: string }>(rows: readonly T[], empty: (quarter: string) => T): T[] {
  if (rows.length === 0) return [];
  const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
  const last = rows[rows.length - 1]!.quarter;
  const out: T[] = [];
  // a run of at most 200 quarters (50 years) guards against a malformed row
  for (let q = rows[0]!.quarter; out.length < 200; q = nextQuarter(q)) {
    out.push(byQuarter.get(q) ?? empty(q));
    if (q === last) break;
  }
  return out;
}
