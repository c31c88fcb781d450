// "If you need help now": the numbers someone in crisis needs, on every page a person seeking
// help may land on. The numbers are data a coordinator keeps checked; this only shows them.

export interface HelpNowLine {
  name: string;
  number: string;
  purpose: string;
  /** "Scotland", "Wales", …; empty when it answers anywhere in the UK. */
  where: string;
}

/** "116 123" → "tel:116123". */
export const telHref = (number: string): string => `tel:${number.replace(/[^0-9+]/g, '')}`;

export function HelpNow({ lines }: { lines: readonly HelpNowLine[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <aside class="help-now" aria-labelledby="help-now-title">
      <h2 id="help-now-title">If you need help now</h2>
      <ul>
        {lines.map((l) => (
          <li>
            <a class="help-now-number" href={telHref(l.number)}>
              {l.name}: {l.number}
            </a>
            <span class="help-now-purpose">
              {l.where ? `${l.where}. ` : ''}
              {l.purpose}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
