// The results pages' view model, from the analysis the job stored. Only what the thresholds
// allow: counts always; the map, groups, agreement and difference only with at least 7
// people who cast 7 or more votes each, and no group of fewer than 5 ever named.
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { discloseCount } from '../../insight/index.ts';
import { MIN_GROUP_SIZE, MIN_PARTICIPANTS, MIN_VOTES_EACH, type Analysis } from '../domain/analysis.ts';
import * as repo from './consultations.repository.ts';
import { loadConsultation, type LoadedConsultation } from './consultations.service.ts';

export interface StatementFigures {
  id: string;
  text: string;
  votes: number;
  agree: number;
  disagree: number;
  pass: number;
  /** Percent agreeing in each group, in group order. */
  groups: number[];
}

export interface GroupView {
  label: string;
  size: string;
  description: string;
  x: number;
  y: number;
  /** Radius on the map, from the rounded size. */
  weight: number;
}

export interface ResultsView {
  consultation: LoadedConsultation;
  participants: number;
  votes: number;
  computedAt: Date | undefined;
  /** False: only the counts. */
  enough: boolean;
  groups: GroupView[];
  agree: StatementFigures[];
  disagree: StatementFigures[];
  differ: StatementFigures[];
  all: StatementFigures[];
  statementPoints: { number: number; x: number; y: number }[];
  silhouettes: Analysis['silhouettes'];
  thresholds: { participants: number; votesEach: number; group: number };
}

const pct = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : 0);
const LETTERS = 'ABCDE';

export async function loadResults(deps: Deps, actor: Actor, id: string): Promise<ResultsView> {
  const consultation = await loadConsultation(deps, actor, id);
  if (!consultation.canSeeResults) throw notFound('results');
  const [stored, statements, counts] = await Promise.all([
    repo.findAnalysis(deps.db, id),
    repo.listStatements(deps.db, id, 'accepted'),
    repo.countVotes(deps.db, id),
  ]);
  const base: ResultsView = {
    consultation,
    participants: counts.participants,
    votes: counts.votes,
    computedAt: stored?.computed_at,
    enough: false,
    groups: [],
    agree: [],
    disagree: [],
    differ: [],
    all: [],
    statementPoints: [],
    silhouettes: [],
    thresholds: { participants: MIN_PARTICIPANTS, votesEach: MIN_VOTES_EACH, group: MIN_GROUP_SIZE },
  };
  const a = stored?.result as Analysis | undefined;
  if (!a || !a.enough) return base;
  const text = new Map(statements.map((s) => [s.id, s.text]));
  const number = new Map(statements.map((s, i) => [s.id, i + 1]));
  // A statement rejected or unknown since the analysis ran is left out.
  const figures = new Map<string, StatementFigures>();
  for (const s of a.statements) {
    const t = text.get(s.statement);
    if (t === undefined) continue;
    const seen = s.counts.seen;
    figures.set(s.statement, {
      id: s.statement,
      text: t,
      votes: seen,
      agree: pct(s.counts.agree, seen),
      disagree: pct(s.counts.disagree, seen),
      pass: pct(seen - s.counts.agree - s.counts.disagree, seen),
      groups: s.groupAgree.map((r) => Math.round(100 * r)),
    });
  }
  const pick = (ids: readonly string[]) =>
    ids.map((i) => figures.get(i)).filter((f): f is StatementFigures => f !== undefined);
  const groups = a.groups
    .filter((g) => g.size >= MIN_GROUP_SIZE)
    .map((g, i): GroupView => {
      const size = discloseCount(g.size);
      const top = g.representative.find((r) => text.has(r.statement));
      const about = size.shown ? `About ${size.display} people` : 'A small group of people (fewer than 8)';
      const description = top
        ? `${about}, who ${top.direction === 'agree' ? 'agree' : 'disagree'} most strongly that “${text.get(top.statement)}”`
        : `${about}.`;
      return {
        label: `Group ${LETTERS[i] ?? i + 1}`,
        size: size.display,
        description,
        x: g.centre[0],
        y: g.centre[1],
        weight: size.shown ? size.value : 5,
      };
    });
  return {
    ...base,
    enough: true,
    groups,
    agree: pick(a.consensusAgree),
    disagree: pick(a.consensusDisagree),
    differ: pick(a.divisive),
    all: [...figures.values()].sort((x, y) => number.get(x.id)! - number.get(y.id)!),
    statementPoints: a.statements
      .map((s, j) => ({
        number: number.get(s.statement) ?? 0,
        x: a.statementPoints[j]?.[0] ?? 0,
        y: a.statementPoints[j]?.[1] ?? 0,
      }))
      .filter((p) => p.number > 0),
    silhouettes: a.silhouettes,
  };
}

/** Statements every group agrees with, with their support: for papers to government. */
export async function consensusForPaper(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<
  { title: string; statements: { text: string; agree: number; votes: number }[]; participants: number } | undefined
> {
  const r = await loadResults(deps, actor, id).catch(() => undefined);
  if (!r || !r.enough) return undefined;
  return {
    title: r.consultation.row.title,
    statements: r.agree.map((s) => ({ text: s.text, agree: s.agree, votes: s.votes })),
    participants: r.participants,
  };
}
