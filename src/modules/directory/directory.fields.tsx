// Small form pieces the directory's forms share: a checkbox group in a fieldset, with hint and
// error tied to it as the shared Radios component does.
import { fieldId } from '../../ui/components.tsx';

export function Checkboxes(p: {
  name: string;
  prefix: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  options: { value: string; label: string; hint?: string }[];
  values: Record<string, string>;
  inline?: boolean;
}) {
  const id = fieldId(p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="label">{p.label}</legend>
        {p.hint && (
          <p class="hint" id={`${id}-hint`}>
            {p.hint}
          </p>
        )}
        {p.error && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">Error:</span> {p.error}
          </p>
        )}
        <div class={p.inline ? 'radios radios-inline' : 'radios'}>
          {p.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div class="radio">
                <input type="checkbox" id={optionId} name={`${p.prefix}${o.value}`} value="on" checked={!!p.values[`${p.prefix}${o.value}`]} />
                <label for={optionId}>
                  {o.label}
                  {o.hint && <span class="hint radio-hint">{o.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A link to a web address only when it really is one (never javascript: or data:). */
export function SafeLink({ href, children }: { href: string; children?: string }) {
  if (!/^https?:\/\//i.test(href)) return <>{children ?? href}</>;
  return <a href={href}>{children ?? href}</a>;
}

export const distanceText = (km: number): string => {
  const miles = km / 1.609344;
  if (miles < 1) return 'less than a mile away';
  const rounded = miles < 10 ? Math.round(miles) : Math.round(miles / 5) * 5;
  return `about ${rounded} ${rounded === 1 ? 'mile' : 'miles'} away`;
};
