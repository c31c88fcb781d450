// Money as whole pence (integers), so sums are exact, and one way of writing it everywhere.
const formatters = new Map<string, Intl.NumberFormat[]>();

function formattersFor(currency: string): Intl.NumberFormat[] {
  let f = formatters.get(currency);
  if (!f) {
    const base = { style: 'currency', currency, currencyDisplay: 'symbol' } as const;
    f = [
      new Intl.NumberFormat('en-GB', { ...base, minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      new Intl.NumberFormat('en-GB', { ...base, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    ];
    formatters.set(currency, f);
  }
  return f;
}

/** £12,500 for whole pounds, £12,500.50 otherwise; other currencies by their own symbol. */
export function formatMoney(pence: number, currency = 'GBP'): string {
  const [whole, exact] = formattersFor(/^[A-Z]{3}$/.test(currency) ? currency : 'GBP');
  return (pence % 100 === 0 ? whole! : exact!).format(pence / 100);
}

const AMOUNT = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * What a person typed ("12,500", "£12500.5") as pence, or undefined when it is not an amount.
 * Commas and a leading pound sign are allowed; negative amounts and more than 2 decimals are not.
 */
export function parseMoney(input: string): number | undefined {
  const cleaned = input
    .trim()
    .replace(/^£/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const m = AMOUNT.exec(cleaned);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A numeric column as PostgreSQL returns it ("12500.50") in pence. */
export function penceOf(numeric: string | number | null | undefined): number {
  if (numeric === null || numeric === undefined || numeric === '') return 0;
  const s = typeof numeric === 'number' ? numeric.toFixed(2) : numeric;
  const negative = s.startsWith('-');
  const [whole = '0', frac = ''] = s.replace(/^-/, '').split('.');
  const pence = Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -pence : pence;
}

/** Pence as a numeric literal for the database: 1250050 -> "12500.50". */
export function numericOf(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
