// Small pieces the learning pages share.
import type { ComponentChildren } from 'preact';
import { splitHighlight } from './domain/search-query.ts';

/** A search snippet with matched words marked. Built from text nodes only, so it can never carry HTML. */
export function Snippet({ text }: { text: string }) {
  return <p class="learning-snippet">{splitHighlight(text).map((p) => (p.marked ? <mark>{p.text}</mark> : p.text))}</p>;
}

export function TagList({ label, tags }: { label: string; tags: { label: string; href?: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="learning-tags" aria-label={label}>
      {tags.map((t) => (
        <li>
          {t.href ? (
            <a class="tag" href={t.href}>
              {t.label}
            </a>
          ) : (
            <span class="tag">{t.label}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ReviewBadge({ state }: { state: 'current' | 'needs-review' }) {
  return state === 'current' ? (
    <span class="tag">Checked within the last year</span>
  ) : (
    <span class="tag tag-applicant">Needs review</span>
  );
}

export function MembersOnlyBadge({ visibility }: { visibility: string }) {
  return visibility === 'members' ? <span class="tag tag-lapsed">Members only</span> : null;
}

/** Safe, already-sanitised Markdown output (see domain/markdown.ts). */
export function RenderedMarkdown({ html }: { html: string }) {
  return <div class="learning-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="learning-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
