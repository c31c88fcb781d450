// Finding common ground: the vote matrix, a two-component PCA, opinion groups by two-level
// k-means with k chosen by silhouette, group-informed consensus, representative statements,
// overall consensus and the most divisive statements. Pure: no I/O, deterministic.
//
// Written from the published description of Pol.is's maths (see docs/VOICE.md, "How this was
// worked out"): mean imputation, power iteration with deflation, sparsity-aware projection,
// base clusters then weighted group clusters, Laplace-smoothed rates and z-tests. Our own
// choices, each noted where it is made: agree is +1 (Pol.is uses −1), participants and
// statements are put in a canonical order first (so input order never matters), k-means starts
// from a deterministic farthest-point seeding, the sign of each component is fixed by its
// largest entry, and a clustering with a group under the minimum size is never chosen.

export type VoteValue = 1 | 0 | -1;
export const AGREE: VoteValue = 1;
export const PASS: VoteValue = 0;
export const DISAGREE: VoteValue = -1;

export interface VoteRecord {
  participant: string;
  statement: string;
  value: VoteValue;
}

/** Thresholds: nothing but counts below them. */
export const MIN_PARTICIPANTS = 7;
export const MIN_VOTES_EACH = 7;
export const MIN_GROUP_SIZE = 5;
/** One-sided 90% (z > 1.2816). */
export const Z_90 = 1.2816;
const BASE_K = 100;
const MAX_K = 5;
const PCA_ITERATIONS = 100;
const BASE_ITERATIONS = 100;
const GROUP_ITERATIONS = 20;
const TOLERANCE = 0.01;

export interface VoteMatrix {
  participants: string[];
  statements: string[];
  /** rows[p][s]: +1, 0, −1, or null (no vote). */
  rows: (VoteValue | null)[][];
}

/** Canonical order (by id, code-point order), so a reordering of the input changes nothing. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The matrix of the latest vote of each participant on each statement in `statements`. */
export function buildVoteMatrix(votes: readonly VoteRecord[], statements: readonly string[]): VoteMatrix {
  const cols = [...new Set(statements)].sort(byId);
  const colIndex = new Map(cols.map((s, j) => [s, j]));
  const people = [...new Set(votes.filter((v) => colIndex.has(v.statement)).map((v) => v.participant))].sort(byId);
  const rowIndex = new Map(people.map((p, i) => [p, i]));
  const rows = people.map(() => cols.map((): VoteValue | null => null));
  for (const v of votes) {
    const j = colIndex.get(v.statement);
    const i = rowIndex.get(v.participant);
    if (i === undefined || j === undefined) continue;
    rows[i]![j] = v.value;
  }
  return { participants: people, statements: cols, rows };
}

export const votesCast = (row: readonly (VoteValue | null)[]) =>
  row.reduce<number>((n, v) => n + (v === null ? 0 : 1), 0);

// ---------------------------------------------------------------------------------------------
// PCA
// ---------------------------------------------------------------------------------------------

export interface Pca {
  /** Column means of the votes cast (0 for a statement nobody voted on). */
  center: number[];
  /** Two unit vectors over statements (a zero vector when there is no variance left). */
  components: [number[], number[]];
}

const dot = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const norm = (a: readonly number[]) => Math.sqrt(dot(a, a));

/** The centred matrix Y: a missing vote becomes exactly 0 (mean imputation, then centring). */
function centred(m: VoteMatrix): { y: Float64Array[]; center: number[] } {
  const cols = m.statements.length;
  const sum = new Array<number>(cols).fill(0);
  const count = new Array<number>(cols).fill(0);
  for (const row of m.rows) {
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (v !== null && v !== undefined) {
        sum[j]! += v;
        count[j]! += 1;
      }
    }
  }
  const center = sum.map((s, j) => (count[j]! ? s / count[j]! : 0));
  const y = m.rows.map((row) => {
    const out = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      out[j] = v === null || v === undefined ? 0 : v - center[j]!;
    }
    return out;
  });
  return { y, center };
}

/** YᵀY v, computed as Yᵀ(Y v) without forming YᵀY. */
function gramTimes(y: readonly Float64Array[], v: readonly number[]): number[] {
  const out = new Array<number>(v.length).fill(0);
  for (const row of y) {
    let s = 0;
    for (let j = 0; j < v.length; j++) s += row[j]! * v[j]!;
    if (s === 0) continue;
    for (let j = 0; j < v.length; j++) out[j]! += s * row[j]!;
  }
  return out;
}

/** The sign convention: the entry of largest magnitude (first such) is positive. */
function fixSign(v: number[]): number[] {
  let best = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(v[best]!) + 1e-12) best = j;
  return (v[best] ?? 0) < 0 ? v.map((x) => -x) : v;
}

function powerIteration(y: readonly Float64Array[], cols: number): number[] {
  // Deterministic start: YᵀY applied to a fixed, uneven vector (never all-equal, so rarely
  // orthogonal to the leading component).
  let v = Array.from({ length: cols }, (_, j) => 1 + ((j * 7919) % 101) / 101);
  v = gramTimes(y, v);
  let n = norm(v);
  if (n < 1e-12) return new Array<number>(cols).fill(0);
  v = v.map((x) => x / n);
  for (let it = 0; it < PCA_ITERATIONS; it++) {
    const next = gramTimes(y, v);
    n = norm(next);
    if (n < 1e-12) return new Array<number>(cols).fill(0);
    const unit = next.map((x) => x / n);
    let change = 0;
    for (let j = 0; j < cols; j++) change = Math.max(change, Math.abs(unit[j]! - v[j]!));
    v = unit;
    if (change < 1e-10) break;
  }
  return fixSign(v);
}

/** Two principal components of the centred, mean-imputed vote matrix, by power iteration with deflation. */
export function pca(m: VoteMatrix): Pca {
  const cols = m.statements.length;
  const { y, center } = centred(m);
  const pc1 = powerIteration(y, cols);
  const deflated = y.map((row) => {
    const s = dot(Array.from(row), pc1);
    const out = new Float64Array(cols);
    for (let j = 0; j < cols; j++) out[j] = row[j]! - s * pc1[j]!;
    return out;
  });
  const pc2 = powerIteration(deflated, cols);
  return { center, components: [pc1, pc2] };
}

/**
 * Each participant's place on the map: the centred votes they cast projected on the two
 * components, scaled by sqrt(statements / votes cast) so people who voted on few statements
 * are not all bunched at the middle.
 */
export function projectParticipants(m: VoteMatrix, p: Pca): [number, number][] {
  const cols = m.statements.length;
  return m.rows.map((row) => {
    let x = 0;
    let y = 0;
    let voted = 0;
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (v === null || v === undefined) continue;
      voted++;
      const c = v - p.center[j]!;
      x += c * p.components[0][j]!;
      y += c * p.components[1][j]!;
    }
    const scale = Math.sqrt(cols / Math.max(voted, 1));
    return [scale * x, scale * y];
  });
}

/** Where a statement sits: a person who agreed with it alone, projected the same way. */
export function projectStatements(m: VoteMatrix, p: Pca): [number, number][] {
  const cols = m.statements.length;
  const scale = Math.sqrt(cols);
  return m.statements.map((_, j) => {
    const c = AGREE - p.center[j]!;
    return [scale * c * p.components[0][j]!, scale * c * p.components[1][j]!];
  });
}

// ---------------------------------------------------------------------------------------------
// k-means
// ---------------------------------------------------------------------------------------------

type Point = readonly [number, number];
const dist2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/**
 * Deterministic farthest-point seeding: the first centre is the point nearest the weighted
 * mean (lowest index on ties), each next one the point farthest from its nearest centre.
 * Distances only, so a reflection of every point gives the same choice.
 */
function seed(points: readonly Point[], weights: readonly number[], k: number): Point[] {
  let wx = 0;
  let wy = 0;
  let w = 0;
  points.forEach((p, i) => {
    wx += weights[i]! * p[0];
    wy += weights[i]! * p[1];
    w += weights[i]!;
  });
  const mean: Point = [wx / w, wy / w];
  let first = 0;
  for (let i = 1; i < points.length; i++) if (dist2(points[i]!, mean) < dist2(points[first]!, mean) - 1e-12) first = i;
  const centres: Point[] = [points[first]!];
  const nearest = points.map((p) => dist2(p, points[first]!));
  while (centres.length < k) {
    let far = -1;
    for (let i = 0; i < points.length; i++)
      if (nearest[i]! > 1e-18 && (far < 0 || nearest[i]! > nearest[far]! + 1e-12)) far = i;
    if (far < 0) break; // fewer distinct points than k
    centres.push(points[far]!);
    for (let i = 0; i < points.length; i++) nearest[i] = Math.min(nearest[i]!, dist2(points[i]!, points[far]!));
  }
  return centres;
}

export interface Clustering {
  centres: Point[];
  /** assignment[i]: the index of point i's cluster. */
  assignment: number[];
}

/** Weighted k-means (Lloyd's), empty clusters dropped, stopping when no centre moves more than 0.01. */
export function kmeans(
  points: readonly Point[],
  weights: readonly number[],
  k: number,
  iterations: number,
): Clustering {
  if (points.length === 0) return { centres: [], assignment: [] };
  let centres = seed(points, weights, Math.min(k, points.length));
  let assignment: number[] = [];
  for (let it = 0; it < iterations; it++) {
    assignment = points.map((p) => {
      let best = 0;
      for (let c = 1; c < centres.length; c++) if (dist2(p, centres[c]!) < dist2(p, centres[best]!) - 1e-12) best = c;
      return best;
    });
    const sx = new Array<number>(centres.length).fill(0);
    const sy = new Array<number>(centres.length).fill(0);
    const sw = new Array<number>(centres.length).fill(0);
    points.forEach((p, i) => {
      const c = assignment[i]!;
      sx[c]! += weights[i]! * p[0];
      sy[c]! += weights[i]! * p[1];
      sw[c]! += weights[i]!;
    });
    const kept: number[] = [];
    const next: Point[] = [];
    centres.forEach((_, c) => {
      if (sw[c]! > 0) {
        kept.push(c);
        next.push([sx[c]! / sw[c]!, sy[c]! / sw[c]!]);
      }
    });
    const moved =
      next.length !== centres.length || next.some((n, i) => Math.sqrt(dist2(n, centres[kept[i]!]!)) > TOLERANCE);
    if (next.length !== centres.length) {
      const remap = new Map(kept.map((c, i) => [c, i]));
      assignment = assignment.map((c) => remap.get(c)!);
    }
    centres = next;
    if (!moved) break;
  }
  // Final assignment against the final centres.
  assignment = points.map((p) => {
    let best = 0;
    for (let c = 1; c < centres.length; c++) if (dist2(p, centres[c]!) < dist2(p, centres[best]!) - 1e-12) best = c;
    return best;
  });
  return { centres, assignment };
}

/** Mean silhouette over points (unweighted); a point alone in its cluster scores 0. */
export function silhouette(points: readonly Point[], assignment: readonly number[]): number {
  const n = points.length;
  if (n === 0) return 0;
  const k = Math.max(...assignment) + 1;
  if (k < 2) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sum = new Array<number>(k).fill(0);
    const cnt = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      sum[assignment[j]!]! += Math.sqrt(dist2(points[i]!, points[j]!));
      cnt[assignment[j]!]! += 1;
    }
    const own = assignment[i]!;
    if (cnt[own] === 0) continue; // alone: 0
    const a = sum[own]! / cnt[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && cnt[c]! > 0) b = Math.min(b, sum[c]! / cnt[c]!);
    if (!Number.isFinite(b)) continue;
    const d = Math.max(a, b);
    total += d === 0 ? 0 : (b - a) / d;
  }
  return total / n;
}

// ---------------------------------------------------------------------------------------------
// Statistics on vote counts
// ---------------------------------------------------------------------------------------------

export interface Counts {
  agree: number;
  disagree: number;
  /** Votes cast, passes included. */
  seen: number;
}

/** One-proportion z against one half, with the +1 smoothing. */
export function propTest(successes: number, trials: number): number {
  return 2 * Math.sqrt(trials + 1) * ((successes + 1) / (trials + 1) - 0.5);
}

/** Two-proportion z, with 1 added to all four counts. */
export function twoPropTest(s1: number, s2: number, n1: number, n2: number): number {
  const [a, b, c, d] = [s1 + 1, s2 + 1, n1 + 1, n2 + 1];
  const p1 = a / c;
  const p2 = b / d;
  const p = (a + b) / (c + d);
  if (p === 1) return 0;
  return (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / c + 1 / d));
}

/** Laplace-smoothed rates. */
export const agreeRate = (c: Counts) => (c.agree + 1) / (c.seen + 2);
export const disagreeRate = (c: Counts) => (c.disagree + 1) / (c.seen + 2);

/** Group-informed consensus: the product over groups of each group's smoothed agree rate. */
export function groupInformedConsensus(perGroup: readonly Counts[]): number {
  return perGroup.reduce((p, c) => p * agreeRate(c), 1);
}

function countsFor(m: VoteMatrix, members: readonly number[]): Counts[] {
  return m.statements.map((_, j) => {
    const c: Counts = { agree: 0, disagree: 0, seen: 0 };
    for (const i of members) {
      const v = m.rows[i]![j];
      if (v === null || v === undefined) continue;
      c.seen++;
      if (v === AGREE) c.agree++;
      else if (v === DISAGREE) c.disagree++;
    }
    return c;
  });
}

export interface Repness {
  statement: string;
  direction: 'agree' | 'disagree';
  /** Share of the group voting that way (smoothed). */
  rate: number;
  /** How many times likelier than the rest of the room. */
  ratio: number;
  /** z of the group against the rest. */
  z: number;
  /** Passes both tests at 90%. */
  significant: boolean;
  metric: number;
}

/** What sets each group apart, per the published repness rules: ≤ 5 per group, agrees first. */
export function representativeStatements(
  statements: readonly string[],
  group: readonly Counts[],
  rest: readonly Counts[],
): Repness[] {
  const stats = statements.map((statement, j) => {
    const g = group[j]!;
    const r = rest[j]!;
    const pa = agreeRate(g);
    const pd = disagreeRate(g);
    const pat = propTest(g.agree, g.seen);
    const pdt = propTest(g.disagree, g.seen);
    const ra = pa / ((1 + r.agree) / (2 + r.seen));
    const rd = pd / ((1 + r.disagree) / (2 + r.seen));
    const rat = twoPropTest(g.agree, r.agree, g.seen, r.seen);
    const rdt = twoPropTest(g.disagree, r.disagree, g.seen, r.seen);
    const agree = rat > rdt;
    const passes = (rat > Z_90 && pat > Z_90) || (rdt > Z_90 && pdt > Z_90);
    const out: Repness & { pa: number; pat: number; ra: number; rat: number; rdt: number; voted: boolean } = {
      statement,
      direction: agree ? 'agree' : 'disagree',
      rate: agree ? pa : pd,
      ratio: agree ? ra : rd,
      z: agree ? rat : rdt,
      significant: passes,
      metric: agree ? ra * rat * pa * pat : rd * rdt * pd * pdt,
      pa,
      pat,
      ra,
      rat,
      rdt,
      voted: g.agree + g.disagree > 0,
    };
    return out;
  });
  let bestAgree: (typeof stats)[number] | undefined;
  let best: (typeof stats)[number] | undefined;
  const sufficient: typeof stats = [];
  for (const s of stats) {
    if (s.significant) sufficient.push(s);
    else if (sufficient.length === 0 && (!best || Math.max(s.rat, s.rdt) > Math.max(best.rat, best.rdt))) best = s;
    if (!s.voted) continue;
    if (bestAgree) {
      const better =
        bestAgree.ra > 1
          ? s.ra * s.rat * s.pa * s.pat > bestAgree.ra * bestAgree.rat * bestAgree.pa * bestAgree.pat
          : s.pa * s.pat > bestAgree.pa * bestAgree.pat;
      if (better) bestAgree = s;
    } else if (s.pat > Z_90 || (s.ra > 1 && s.pa > 0.5)) bestAgree = s;
  }
  const clean = ({ statement, direction, rate, ratio, z, significant, metric }: (typeof stats)[number]): Repness => ({
    statement,
    direction,
    rate,
    ratio,
    z,
    significant,
    metric,
  });
  if (sufficient.length === 0) {
    const one = bestAgree
      ? { ...bestAgree, direction: 'agree' as const, rate: bestAgree.pa, ratio: bestAgree.ra, z: bestAgree.rat }
      : best;
    return one ? [clean(one)] : [];
  }
  const sorted = sufficient
    .filter((s) => s !== bestAgree)
    .sort((a, b) => b.metric - a.metric || byId(a.statement, b.statement));
  const chosen = (
    bestAgree
      ? [
          { ...bestAgree, direction: 'agree' as const, rate: bestAgree.pa, ratio: bestAgree.ra, z: bestAgree.rat },
          ...sorted,
        ]
      : sorted
  ).slice(0, 5);
  return chosen.map(clean).sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'agree' ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// The whole analysis
// ---------------------------------------------------------------------------------------------

export interface StatementResult {
  statement: string;
  counts: Counts;
  /** Group-informed consensus (only comparable within one consultation). */
  consensus: number;
  /** Agree rate per group, in group order (empty without groups). */
  groupAgree: number[];
  /** How far apart the groups are on it: max − min of (agree − disagree) rate. */
  divisiveness: number;
}

export interface Group {
  /** Indexes into participants (in canonical order). */
  members: string[];
  size: number;
  centre: [number, number];
  representative: Repness[];
}

export interface Analysis {
  participants: number;
  votes: number;
  /** Participants who cast enough votes to be placed on the map. */
  placed: number;
  /** Whether anything beyond counts may be shown. */
  enough: boolean;
  statements: StatementResult[];
  /** Only when enough, and only groups of MIN_GROUP_SIZE or more; otherwise empty. */
  groups: Group[];
  /** Chosen k and the silhouette of each candidate k (for "how this was worked out"). */
  silhouettes: { k: number; score: number; smallest: number }[];
  /** Statement positions on the map (only when enough). */
  statementPoints: [number, number][];
  consensusAgree: string[];
  consensusDisagree: string[];
  divisive: string[];
  /** Map positions per placed participant (never shown individually; kept for tests and group centres). */
  points: [number, number][];
  placedIds: string[];
}

export function analyse(votes: readonly VoteRecord[], statementIds: readonly string[]): Analysis {
  const m = buildVoteMatrix(votes, statementIds);
  const cols = m.statements.length;
  const minVotes = Math.min(MIN_VOTES_EACH, cols);
  const placedIdx = m.rows.map((r, i) => (cols > 0 && votesCast(r) >= minVotes ? i : -1)).filter((i) => i >= 0);
  const allCounts = countsFor(
    m,
    m.rows.map((_, i) => i),
  );
  const totalVotes = m.rows.reduce((n, r) => n + votesCast(r), 0);
  const enough = placedIdx.length >= MIN_PARTICIPANTS && cols > 0;
  const base: Analysis = {
    participants: m.participants.length,
    votes: totalVotes,
    placed: placedIdx.length,
    enough,
    statements: m.statements.map((statement, j) => ({
      statement,
      counts: allCounts[j]!,
      consensus: agreeRate(allCounts[j]!),
      groupAgree: [],
      divisiveness: 0,
    })),
    groups: [],
    silhouettes: [],
    statementPoints: [],
    consensusAgree: [],
    consensusDisagree: [],
    divisive: [],
    points: [],
    placedIds: [],
  };
  if (!enough) return base;

  // The map is built from placed participants only.
  const placed: VoteMatrix = {
    participants: placedIdx.map((i) => m.participants[i]!),
    statements: m.statements,
    rows: placedIdx.map((i) => m.rows[i]!),
  };
  const p = pca(placed);
  const points = projectParticipants(placed, p);
  const placedCounts = countsFor(
    placed,
    placed.rows.map((_, i) => i),
  );

  // Level 1: base clusters. Level 2: weighted k-means on their centres for each k, chosen by silhouette.
  const baseClusters = kmeans(
    points,
    points.map(() => 1),
    BASE_K,
    BASE_ITERATIONS,
  );
  const baseWeights = baseClusters.centres.map((_, c) => baseClusters.assignment.filter((a) => a === c).length);
  const maxK = Math.min(MAX_K, 2 + Math.floor(baseClusters.centres.length / 12));
  let chosen: { k: number; score: number; groupOfBase: number[] } | undefined;
  const silhouettes: Analysis['silhouettes'] = [];
  for (let k = 2; k <= maxK; k++) {
    const g = kmeans(baseClusters.centres, baseWeights, k, GROUP_ITERATIONS);
    if (g.centres.length < 2) continue;
    const sizes = g.centres.map((_, c) => g.assignment.reduce((n, a, b) => n + (a === c ? baseWeights[b]! : 0), 0));
    const score = silhouette(baseClusters.centres, g.assignment);
    const smallest = Math.min(...sizes);
    silhouettes.push({ k: g.centres.length, score, smallest });
    // Our rule: a clustering with a group under the minimum size is never chosen.
    if (smallest < MIN_GROUP_SIZE) continue;
    if (!chosen || score > chosen.score + 1e-12) chosen = { k: g.centres.length, score, groupOfBase: g.assignment };
  }

  const groupMembers: number[][] = chosen ? Array.from({ length: chosen.k }, () => []) : [];
  if (chosen) points.forEach((_, i) => groupMembers[chosen.groupOfBase[baseClusters.assignment[i]!]!]!.push(i));
  // Groups in a canonical order: by their first member.
  groupMembers.sort((a, b) => a[0]! - b[0]!);
  const groupCounts = groupMembers.map((g) => countsFor(placed, g));

  const groups: Group[] = groupMembers.map((members, g) => {
    const rest = m.statements.map((_, j) => {
      const c: Counts = { agree: 0, disagree: 0, seen: 0 };
      groupCounts.forEach((gc, h) => {
        if (h === g) return;
        c.agree += gc[j]!.agree;
        c.disagree += gc[j]!.disagree;
        c.seen += gc[j]!.seen;
      });
      return c;
    });
    const cx = members.reduce((s, i) => s + points[i]![0], 0) / members.length;
    const cy = members.reduce((s, i) => s + points[i]![1], 0) / members.length;
    return {
      members: members.map((i) => placed.participants[i]!),
      size: members.length,
      centre: [cx, cy],
      representative: representativeStatements(m.statements, groupCounts[g]!, rest),
    };
  });

  const statements: StatementResult[] = m.statements.map((statement, j) => {
    const perGroup = groupCounts.map((gc) => gc[j]!);
    const net = perGroup.map((c) => agreeRate(c) - disagreeRate(c));
    return {
      statement,
      counts: allCounts[j]!,
      consensus: perGroup.length ? groupInformedConsensus(perGroup) : agreeRate(placedCounts[j]!),
      groupAgree: perGroup.map(agreeRate),
      divisiveness: net.length >= 2 ? Math.max(...net) - Math.min(...net) : 0,
    };
  });

  // Overall consensus (everyone placed): smoothed rate over one half and significant at 90%.
  const rank = (rate: (c: Counts) => number, key: 'agree' | 'disagree') =>
    m.statements
      .map((s, j) => ({ s, c: placedCounts[j]! }))
      .filter(({ c }) => rate(c) > 0.5 && propTest(c[key], c.seen) > Z_90)
      .filter(({ s }) => key === 'disagree' || groupCounts.every((gc) => agreeRate(gc[m.statements.indexOf(s)]!) > 0.5))
      .sort(
        (a, b) => rate(b.c) * propTest(b.c[key], b.c.seen) - rate(a.c) * propTest(a.c[key], a.c.seen) || byId(a.s, b.s),
      )
      .slice(0, 5)
      .map(({ s }) => s);
  const consensusAgree = rank(agreeRate, 'agree');
  const consensusDisagree = rank(disagreeRate, 'disagree');
  const divisive =
    groups.length >= 2
      ? statements
          .filter((s) => s.divisiveness >= 0.3)
          .sort((a, b) => b.divisiveness - a.divisiveness || byId(a.statement, b.statement))
          .slice(0, 5)
          .map((s) => s.statement)
      : [];

  return {
    ...base,
    statements,
    groups,
    silhouettes,
    statementPoints: projectStatements(placed, p),
    consensusAgree,
    consensusDisagree,
    divisive,
    points,
    placedIds: placed.participants,
  };
}

/** Adjusted Rand index between two labellings of the same items (Hubert & Arabie 1985). */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new RangeError('labellings differ in length');
  const n = a.length;
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const ra = new Map<string | number, number>();
  const rb = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    ra.set(a[i]!, (ra.get(a[i]!) ?? 0) + 1);
    rb.set(b[i]!, (rb.get(b[i]!) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, x) => s + choose2(x), 0);
  const sa = [...ra.values()].reduce((s, x) => s + choose2(x), 0);
  const sb = [...rb.values()].reduce((s, x) => s + choose2(x), 0);
  const expected = (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
