// A handful of accessible building blocks, patterned on the GOV.UK Design System: an error
// summary at the top of a form, labels and hints tied to their inputs, clear focus styles.
import type { ComponentChildren } from 'preact';

import type { FieldErrors } from '../platform/http/form-fields.ts';

export type { FieldErrors };

/** Lists a form's errors at the top of the page, each linking to its field. */
export function ErrorSummary({ errors, order }: { errors: FieldErrors; order?: string[] }) {
  const keys = order ? order.filter((k) => errors[k]) : Object.keys(errors);
  for (const k of Object.keys(errors)) if (!keys.includes(k)) keys.push(k);
  if (keys.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {keys.map((k) => (
          <li>
            <a href={`#${fieldId(k)}`}>{errors[k]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

function FieldFrame({ name, label, hint, error, children }: FieldProps & { children: ComponentChildren }) {
  const id = fieldId(name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id} class="label">
        {label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

interface TextInputProps extends FieldProps {
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'search';
  autocomplete?: string;
  width?: 'short' | 'medium' | 'full';
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
  spellcheck?: boolean;
}

export function TextInput(p: TextInputProps) {
  return (
    <FieldFrame {...p}>
      <input
        class={`input input-${p.width ?? 'full'}`}
        id={fieldId(p.name)}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : p.value}
        autocomplete={p.autocomplete}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
        required={p.required}
        inputMode={p.inputMode}
        spellcheck={p.spellcheck}
      />
    </FieldFrame>
  );
}

export function TextArea(p: FieldProps & { value?: string | undefined; rows?: number }) {
  return (
    <FieldFrame {...p}>
      <textarea
        class="input textarea"
        id={fieldId(p.name)}
        name={p.name}
        rows={p.rows ?? 5}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(p: FieldProps & { options: Option[]; value?: string | undefined }) {
  return (
    <FieldFrame {...p}>
      <select
        class="input select"
        id={fieldId(p.name)}
        name={p.name}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A question answered by choosing: a fieldset whose legend is the question. */
function ChoiceFieldset(p: FieldProps & { inline?: boolean | undefined; children: ComponentChildren }) {
  const id = fieldId(p.name);
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={describedBy(p.name, p.hint, p.error)}>
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
        <div class={p.inline ? 'radios radios-inline' : 'radios'}>{p.children}</div>
      </fieldset>
    </div>
  );
}

/** One radio button or checkbox with its label, and its hint outside the label. */
function Choice(p: {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  value: string;
  checked: boolean;
  label: string;
  hint?: string | undefined;
}) {
  return (
    <div class="radio">
      <input
        type={p.type}
        id={p.id}
        name={p.name}
        value={p.value}
        checked={p.checked}
        aria-describedby={p.hint ? `${p.id}-hint` : undefined}
      />
      <div>
        <label for={p.id}>{p.label}</label>
        {p.hint && (
          <p class="hint radio-hint" id={`${p.id}-hint`}>
            {p.hint}
          </p>
        )}
      </div>
    </div>
  );
}

const choiceId = (name: string, i: number) => (i === 0 ? fieldId(name) : `${fieldId(name)}-${i}`);

/** Radio buttons: choose one. */
export function Radios(
  p: FieldProps & { options: (Option & { hint?: string })[]; value?: string | undefined; inline?: boolean },
) {
  return (
    <ChoiceFieldset {...p}>
      {p.options.map((o, i) => (
        <Choice
          type="radio"
          id={choiceId(p.name, i)}
          name={p.name}
          value={o.value}
          checked={o.value === p.value}
          label={o.label}
          hint={o.hint}
        />
      ))}
    </ChoiceFieldset>
  );
}

/**
 * Checkboxes: choose any. By default every box shares the field's name (the form sends each
 * chosen value); `nameFor` gives each box a name of its own instead.
 */
export function Checkboxes(
  p: FieldProps & {
    options: (Option & { hint?: string })[];
    checked: (value: string) => boolean;
    nameFor?: (value: string) => string;
    inline?: boolean;
  },
) {
  return (
    <ChoiceFieldset {...p}>
      {p.options.map((o, i) => (
        <Choice
          type="checkbox"
          id={choiceId(p.name, i)}
          name={p.nameFor ? p.nameFor(o.value) : p.name}
          value={o.value}
          checked={p.checked(o.value)}
          label={o.label}
          hint={o.hint}
        />
      ))}
    </ChoiceFieldset>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

export function NotificationBanner({
  kind,
  title,
  children,
}: {
  kind: 'success' | 'info' | 'warning';
  title: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`banner banner-${kind}`} role={kind === 'success' ? 'alert' : 'region'} aria-label={title}>
      <p class="banner-title">{title}</p>
      <div class="banner-body">{children}</div>
    </div>
  );
}

export function Card({ title, href, children }: { title: string; href?: string; children?: ComponentChildren }) {
  return (
    <div class="card">
      <h3 class="card-title">{href ? <a href={href}>{title}</a> : title}</h3>
      {children}
    </div>
  );
}

/** A grid of cards, each a link with a line about where it goes. */
export function LinkCards({ links }: { links: { href: string; label: string; description: string }[] }) {
  if (links.length === 0) return null;
  return (
    <div class="cards">
      {links.map((l) => (
        <Card title={l.label} href={l.href}>
          <p>{l.description}</p>
        </Card>
      ))}
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/** `reflow`: on a phone each row becomes a block of "heading: value" lines instead of scrolling. */
export function Table<T>({
  caption,
  columns,
  rows,
  empty,
  reflow,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  empty?: string;
  reflow?: boolean;
}) {
  if (rows.length === 0 && empty) return <p class="empty">{empty}</p>;
  return (
    // Focusable and labelled, so a table wider than a phone can be scrolled with the keyboard.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class={reflow ? 'table table-reflow' : 'table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {columns.map((c) => (
                <td class={c.numeric ? 'numeric' : undefined} data-label={reflow ? c.header : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SummaryList({ items }: { items: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="summary-list">
      {items.map((i) => (
        <div class="summary-row">
          <dt>{i.key}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Previous / next links and page numbers; `hrefFor` builds each page's address. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (p: number) => string }) {
  if (pages <= 1) return null;
  const nums = pageWindow(page, pages);
  return (
    <nav class="pagination" aria-label="Pages">
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              ‹ Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        )}
        {nums.map((n) =>
          n === null ? (
            <li class="ellipsis" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a href={hrefFor(n)} aria-current={n === page ? 'page' : undefined} aria-label={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Next<span class="visually-hidden"> page</span> ›
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** First, last, and two either side of the current page, with gaps as null; a gap of one
 * page shows that page instead, since an ellipsis would take the same room. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = (n: number) => n === 1 || n === pages || Math.abs(n - page) <= 2;
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (shown(n) || (shown(n - 1) && shown(n + 1))) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export function Breadcrumbs({ items }: { items: { href: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((i) => (
          <li>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
