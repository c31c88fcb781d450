// A consortium budget: one line per partner, which must add up to the bid total exactly.
import { formatMoney } from './money.ts';

export interface BudgetLine {
  orgId: string;
  orgName: string;
  pence: number;
}

export type BudgetCheck = { ok: true } | { ok: false; message: string };

export function checkBudget(totalPence: number, lines: readonly BudgetLine[], currency = 'GBP'): BudgetCheck {
  const sum = lines.reduce((s, l) => s + l.pence, 0);
  if (sum === totalPence) return { ok: true };
  const gap = totalPence - sum;
  const detail =
    gap > 0
      ? `${formatMoney(gap, currency)} is not given to any partner yet`
      : `they are ${formatMoney(-gap, currency)} more than the total`;
  return {
    ok: false,
    message: `The partners' lines add up to ${formatMoney(sum, currency)}, but the bid total is ${formatMoney(totalPence, currency)}: ${detail}.`,
  };
}
