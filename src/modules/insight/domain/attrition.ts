// Attrition: people with a baseline but no follow-up. Change statistics describe only those who
// returned, so the share lost is reported beside them (high attrition can flatter an average).

export type Attrition = {
  baselines: number;
  with_follow_up: number;
  lost_to_follow_up: number;
  /** lost / baselines, or null when there are no baselines. */
  attrition_rate: number | null;
};

/** From counts the caller has made: everyone with a baseline, and those of them with a follow-up. */
export function attrition(counts: { baselines: number; withFollowUp: number }): Attrition {
  const { baselines, withFollowUp } = counts;
  for (const [name, value] of [
    ['baselines', baselines],
    ['withFollowUp', withFollowUp],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (withFollowUp > baselines)
    throw new RangeError(`withFollowUp (${withFollowUp}) cannot exceed baselines (${baselines})`);
  return {
    baselines,
    with_follow_up: withFollowUp,
    lost_to_follow_up: baselines - withFollowUp,
    attrition_rate: baselines === 0 ? null : (baselines - withFollowUp) / baselines,
  };
}
