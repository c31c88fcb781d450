// Building blocks shared by the evidence pages: the page frame (with the evidence stylesheet),
// an answer scale with large tap targets, and small formatters.
import { formatShortDate } from '../../ui/format.ts';
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/http/page-context.ts';
import { Breadcrumbs, fieldId } from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { InstrumentItem } from './domain/instrument-definition.ts';

export const EVIDENCE_CSS = '/evidence/assets/evidence.css?v=4';

export function EvidenceLayout({
  ctx,
  title,
  crumbs = [],
  children,
}: {
  ctx: PageContext;
  title: string;
  crumbs?: { href: string; label: string }[];
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={ctx}
      title={title}
      before={
        <>
          <link rel="stylesheet" href={EVIDENCE_CSS} />
          {crumbs.length > 0 && <Breadcrumbs items={crumbs} />}
        </>
      }
    >
      {children}
    </Layout>
  );
}

/** Crumbs from an organisation's workspace down to a page. */
export function orgCrumbs(org: { slug: string; name: string }, ...more: { href: string; label: string }[]) {
  return [
    { href: `/orgs/${org.slug}`, label: org.name },
    { href: `/orgs/${org.slug}/evidence`, label: 'Evidence' },
    ...more,
  ];
}

export const ukDate = (iso: string | Date) => {
  const d = typeof iso === 'string' ? new Date(`${iso}T12:00:00Z`) : iso;
  return formatShortDate(d);
};

/**
 * One question as a row of large buttons (radio inputs underneath, so it works without
 * JavaScript and with arrow keys). Numeric scales show the numbers with the end labels under
 * them; worded scales show the words.
 */
export function AnswerScale({
  item,
  number,
  of,
  value,
  error,
}: {
  item: InstrumentItem;
  number: number;
  /** How many questions there are: shown as "Question 4 of 10" to someone answering alone. */
  of?: number | undefined;
  value?: string | undefined;
  error?: string | undefined;
}) {
  const id = fieldId(item.key);
  const numeric = item.options.every((o) => o.label === String(o.value) || o.label.startsWith(`${o.value} (`));
  const first = item.options[0]!;
  const last = item.options[item.options.length - 1]!;
  const anchor = (label: string) => /\((.*)\)$/.exec(label)?.[1];
  return (
    <div class={error ? 'field field-error question' : 'field question'}>
      <fieldset class="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        {of ? (
          <legend class="label">
            <span class="question-count">
              Question {number} of {of}
            </span>{' '}
            {item.text}
          </legend>
        ) : (
          <legend class="label">
            {number}. {item.text}
          </legend>
        )}
        {error && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div class={numeric ? 'scale' : 'scale scale-words'}>
          {item.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div class="scale-option">
                <input
                  type="radio"
                  id={optionId}
                  name={item.key}
                  value={String(o.value)}
                  checked={value === String(o.value)}
                />
                <label for={optionId}>
                  {numeric ? (
                    <>
                      {o.value}
                      {anchor(o.label) && <span class="visually-hidden"> ({anchor(o.label)})</span>}
                    </>
                  ) : (
                    o.label
                  )}
                </label>
              </div>
            );
          })}
        </div>
        {numeric && (anchor(first.label) || anchor(last.label)) && (
          <p class="scale-anchors" aria-hidden="true">
            <span>
              {first.value} = {anchor(first.label)}
            </span>
            <span>
              {last.value} = {anchor(last.label)}
            </span>
          </p>
        )}
      </fieldset>
    </div>
  );
}
