// The library's pages: search and browse, a resource, writing one, a story, the org's list.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Pagination,
  Radios,
  Select,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDate, formatShortDate } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import { CHIME_DOMAINS, CHIME_LABEL, KIND_LABEL, RESOURCE_KINDS, TOPICS, TOPIC_LABEL } from '../domain/tags.ts';
import { many, one, type FormFields } from '../learning.forms.ts';
import { MembersOnlyBadge, RenderedMarkdown, ReviewBadge, Snippet, TagList } from '../learning.ui.tsx';
import { SERVICE_TYPE_CODES_FOR_LEARNING, SERVICE_TYPE_LABEL } from '../learning.vocab.ts';
import type { SearchQuery } from './library.schemas.ts';
import { STORY_SECTIONS } from './library.schemas.ts';
import type { ResourcePageView, SearchPageView } from './library.service.ts';

const crumbs = [
  { href: '/', label: 'Home' },
  { href: '/learning', label: 'Learn from each other' },
];

function queryString(q: SearchQuery, change: Partial<Record<keyof SearchQuery, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...q, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return `/learning/library${s ? `?${s}` : ''}`;
}

const FACET_TITLE = { kind: 'Type', chime: 'CHIME domain', topic: 'Topic', org: 'Organisation', area: 'Area' } as const;

export function LibraryPage({ ctx, view }: { ctx: PageContext; view: SearchPageView }) {
  const q = view.query;
  const searching = q.q.trim() !== '';
  const active = (['kind', 'chime', 'topic', 'org', 'area'] as const).filter((k) => q[k]);
  return (
    <Layout ctx={ctx} title={searching ? `Library: ${q.q}` : 'The library'} before={<Breadcrumbs items={crumbs} />}>
      <h1>The library</h1>
      <p class="lede">Guides, templates, policies and stories written by groups across the network.</p>
      <form method="get" action="/learning/library" role="search" class="learning-search">
        <TextInput
          name="q"
          label="Search the library"
          hint='Try a few words. Put "quotes" round a phrase, and a minus before a word to leave it out.'
          type="search"
          value={q.q}
          spellcheck={false}
        />
        {active.map((k) => (
          <input type="hidden" name={k} value={String(q[k])} />
        ))}
        <Button>Search</Button>
      </form>
      <div class="learning-results-layout">
        <div class="learning-results">
          <p role="status">
            {view.total === 0 ? 'Nothing found.' : `${view.total} ${view.total === 1 ? 'result' : 'results'}`}
            {searching && view.total > 0 ? ` for “${q.q}”` : ''}
          </p>
          {view.total === 0 && searching && <p>Try fewer words, check the spelling, or take a filter off.</p>}
          {active.length > 0 && (
            <p>
              Filtered by:{' '}
              {active.map((k) => (
                <a class="tag learning-remove" href={queryString(q, { [k]: undefined })}>
                  {FACET_TITLE[k]}: {view.facets[k].find((f) => f.value === q[k])?.label ?? q[k]}{' '}
                  <span class="visually-hidden">(remove this filter)</span>✕
                </a>
              ))}
            </p>
          )}
          <ol class="learning-hits">
            {view.hits.map((h) => (
              <li>
                <h2 class="learning-hit-title">
                  <a href={`/learning/library/${h.id}`}>{h.title}</a>
                </h2>
                <p class="learning-meta">
                  {h.kindLabel} from <a href={`/organisations/${h.org_slug}`}>{h.org_name}</a>{' '}
                  <MembersOnlyBadge visibility={h.visibility} /> <ReviewBadge state={h.review} />
                  {h.language === 'cy' && <span class="tag">Cymraeg</span>}
                </p>
                {h.summary && <p>{h.summary}</p>}
                {searching && h.snippet && <Snippet text={h.snippet} />}
                {h.whoDoesThis.length > 0 && (
                  <p class="learning-meta">
                    Groups who do this:{' '}
                    {h.whoDoesThis.map((o, i) => (
                      <>
                        {i > 0 && ', '}
                        <a href={`/organisations/${o.slug}`}>{o.name}</a>
                      </>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={q.page} pages={view.pages} hrefFor={(p) => queryString(q, { page: p })} />
          {!view.member && <p class="hint">Some resources are for network members only. Sign in to see them.</p>}
        </div>
        <nav class="learning-facets" aria-label="Filter the library">
          <h2>Filter</h2>
          {(['kind', 'chime', 'topic', 'area', 'org'] as const).map((k) =>
            view.facets[k].length === 0 ? null : (
              <details open={k !== 'org' || Boolean(q.org)}>
                <summary>{FACET_TITLE[k]}</summary>
                <ul>
                  {view.facets[k].slice(0, 12).map((f) => (
                    <li>
                      <a href={queryString(q, { [k]: f.value })} aria-current={q[k] === f.value ? 'true' : undefined}>
                        {f.label}
                      </a>{' '}
                      <span class="learning-count">({f.n})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ),
          )}
        </nav>
      </div>
    </Layout>
  );
}

export function ResourcePage({ ctx, view }: { ctx: PageContext; view: ResourcePageView }) {
  return (
    <Layout
      ctx={ctx}
      title={view.title}
      before={<Breadcrumbs items={[...crumbs, { href: '/learning/library', label: 'The library' }]} />}
    >
      <span class="caption">{view.kindLabel}</span>
      <h1 lang={view.language === 'cy' ? 'cy' : undefined}>{view.title}</h1>
      {view.status !== 'published' && (
        <div class="banner banner-warning" role="region" aria-label="Not yet published">
          <p class="banner-title">Not yet in the library</p>
          <div class="banner-body">
            <p>
              {view.status === 'submitted' ? 'Waiting for a coordinator to review it.' : 'Sent back for changes.'}{' '}
              {view.reviewNote}
            </p>
          </div>
        </div>
      )}
      <p class="learning-meta">
        From <a href={`/organisations/${view.orgSlug}`}>{view.orgName}</a>.{' '}
        <MembersOnlyBadge visibility={view.visibility} /> <ReviewBadge state={view.review} /> Last checked{' '}
        {formatDate(view.reviewedOn)}.
      </p>
      {view.summary && <p class="lede">{view.summary}</p>}
      <div lang={view.language === 'cy' ? 'cy' : undefined}>
        {view.storySections.length > 0 ? (
          view.storySections.map((s) => (
            <section>
              <h2>{s.label}</h2>
              <RenderedMarkdown html={s.html} />
            </section>
          ))
        ) : (
          <RenderedMarkdown html={view.bodyHtml} />
        )}
      </div>
      {view.attachments.length > 0 && (
        <>
          <h2>Files</h2>
          <ul>
            {view.attachments.map((a) => (
              <li>
                <a href={`/learning/library/${view.id}/files/${a.id}`} download>
                  {a.fileName}
                </a>{' '}
                ({fileKind(a.mediaType)}, {sizeText(a.sizeBytes)})
              </li>
            ))}
          </ul>
        </>
      )}
      {view.links.length > 0 && (
        <>
          <h2>Links</h2>
          <ul>
            {view.links.map((l) => (
              <li>
                <a href={l} rel="nofollow noopener">
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Tags</h2>
      <TagList
        label="CHIME domains"
        tags={view.chime.map((c) => ({ label: c.label, href: `/learning/library?chime=${c.value}` }))}
      />
      <TagList
        label="Topics"
        tags={view.topics.map((t) => ({ label: t.label, href: `/learning/library?topic=${t.value}` }))}
      />
      <TagList label="Kinds of support" tags={view.serviceTypes.map((s) => ({ label: s.label }))} />
      {view.whoDoesThis.length > 0 && (
        <>
          <h2>Groups who do this</h2>
          <ul>
            {view.whoDoesThis.map((o) => (
              <li>
                <a href={`/organisations/${o.slug}`}>{o.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/learning/questions/new">Ask the network a question about this</a>
      </p>
    </Layout>
  );
}

export const fileKind = (t: string) =>
  t === 'application/pdf' ? 'PDF' : t.startsWith('image/') ? 'picture' : 'Word document';
export const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function TagFields({ values, errors }: { values: FormFields; errors: FieldErrors }) {
  return (
    <>
      <Checkboxes
        name="chime"
        label="Which parts of recovery does it help with? (CHIME)"
        hint="Choose any."
        error={errors.chime}
        inline
        options={CHIME_DOMAINS.map((c) => ({ value: c, label: CHIME_LABEL[c] }))}
        checked={(v) => many(values.chime).includes(v)}
      />
      <Checkboxes
        name="topics"
        label="Topics"
        error={errors.topics}
        inline
        options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABEL[t] }))}
        checked={(v) => many(values.topics).includes(v)}
      />
      <Checkboxes
        name="service_types"
        label="Kinds of support it is about"
        error={errors.service_types}
        inline
        options={SERVICE_TYPE_CODES_FOR_LEARNING.map((s) => ({ value: s, label: SERVICE_TYPE_LABEL[s] ?? s }))}
        checked={(v) => many(values.service_types).includes(v)}
      />
      <TextArea
        name="links"
        label="Links (optional)"
        hint="One web address per line, starting https://"
        rows={3}
        value={one(values.links)}
        error={errors.links}
      />
      <Radios
        name="language"
        label="Language"
        inline
        value={one(values.language) || 'en'}
        error={errors.language}
        options={[
          { value: 'en', label: 'English' },
          { value: 'cy', label: 'Cymraeg (Welsh)' },
        ]}
      />
      <Radios
        name="visibility"
        label="Who can see it?"
        value={one(values.visibility)}
        error={errors.visibility}
        options={[
          { value: 'public', label: 'Anyone', hint: 'It shows in the public library.' },
          { value: 'members', label: 'Network members only', hint: 'Only people signed in from member organisations.' },
        ]}
      />
    </>
  );
}

export function ResourceFormPage({
  ctx,
  org,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  values?: FormFields;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Add to the library"
      before={
        <Breadcrumbs
          items={[
            { href: `/orgs/${org.slug}`, label: org.name },
            { href: `/orgs/${org.slug}/learning`, label: 'Your library' },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} order={['title', 'kind', 'summary', 'body', 'visibility']} />
      <h1>Add to the library</h1>
      <form method="post" action={`/orgs/${org.slug}/learning/new`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={one(values.title)} error={errors.title} />
        <Select
          name="kind"
          label="What kind of resource is it?"
          value={one(values.kind)}
          error={errors.kind}
          options={[
            { value: '', label: 'Choose one' },
            ...RESOURCE_KINDS.filter((k) => k !== 'story').map((k) => ({ value: k, label: KIND_LABEL[k] })),
          ]}
        />
        <TextArea
          name="summary"
          label="In a sentence or two, what is it?"
          rows={2}
          value={one(values.summary)}
          error={errors.summary}
        />
        <TextArea
          name="body"
          label="The resource"
          hint="Write it here. You can use Markdown: ## for a heading, * for a list, [words](https://…) for a link."
          rows={14}
          value={one(values.body)}
          error={errors.body}
        />
        <TagFields values={values} errors={errors} />
        <Button>Add to the library</Button>
      </form>
    </Layout>
  );
}

export function StoryFormPage({
  ctx,
  org,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  values?: FormFields;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Share an innovation story"
      before={
        <Breadcrumbs
          items={[
            { href: `/orgs/${org.slug}`, label: org.name },
            { href: `/orgs/${org.slug}/learning`, label: 'Your library' },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} order={['title', 'summary', ...STORY_SECTIONS.map((s) => s.key), 'visibility']} />
      <h1>Share an innovation story</h1>
      <p>Tell other groups about something you tried. A network coordinator reads it before it goes in the library.</p>
      <form method="post" action={`/orgs/${org.slug}/learning/stories/new`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={one(values.title)} error={errors.title} />
        <TextArea
          name="summary"
          label="In a sentence or two"
          rows={2}
          value={one(values.summary)}
          error={errors.summary}
        />
        {STORY_SECTIONS.map((s) => (
          <TextArea
            name={s.key}
            label={s.label}
            rows={s.key === 'contact' ? 2 : 5}
            value={one(values[s.key])}
            error={errors[s.key]}
          />
        ))}
        <TagFields values={values} errors={errors} />
        <Button>Send for review</Button>
      </form>
    </Layout>
  );
}

export interface OrgLibraryRow {
  id: string;
  title: string;
  kindLabel: string;
  status: string;
  visibility: string;
  reviewNote: string;
  review: 'current' | 'needs-review';
}

const STATUS_LABEL: Record<string, string> = {
  published: 'In the library',
  submitted: 'Waiting for review',
  returned: 'Sent back for changes',
  draft: 'Draft',
};

export function OrgLibraryPage({
  ctx,
  org,
  rows,
  uploadError,
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  rows: OrgLibraryRow[];
  uploadError?: { id: string; message: string };
}) {
  return (
    <Layout
      ctx={ctx}
      title="Your library"
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }]} />}
    >
      {uploadError && <ErrorSummary errors={{ [`file-${uploadError.id}`]: uploadError.message }} />}
      <h1>What {org.name} has shared</h1>
      <p>
        <a class="button button-primary" href={`/orgs/${org.slug}/learning/new`}>
          Add a resource
        </a>
        <a class="button button-secondary" href={`/orgs/${org.slug}/learning/stories/new`}>
          Share an innovation story
        </a>
      </p>
      {rows.length === 0 && <p class="empty">Nothing yet. What works for you might help another group.</p>}
      {rows.map((r) => (
        <div class="learning-row">
          <h2 class="learning-hit-title">
            <a href={`/learning/library/${r.id}`}>{r.title}</a>
          </h2>
          <p class="learning-meta">
            {r.kindLabel}. {STATUS_LABEL[r.status] ?? r.status}. <MembersOnlyBadge visibility={r.visibility} />{' '}
            <ReviewBadge state={r.review} />
          </p>
          {r.status === 'returned' && r.reviewNote && <p>Coordinator's note: {r.reviewNote}</p>}
          <div class="button-row">
            <form method="post" action={`/orgs/${org.slug}/learning/${r.id}/reviewed`} class="inline-form">
              <CsrfField token={ctx.csrfToken()} />
              <Button variant="secondary">
                Mark as checked today<span class="visually-hidden">: {r.title}</span>
              </Button>
            </form>
          </div>
          <form
            method="post"
            action={`/orgs/${org.slug}/learning/${r.id}/files?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
            enctype="multipart/form-data"
            novalidate
          >
            <div class={uploadError?.id === r.id ? 'field field-error' : 'field'}>
              <label class="label" for={`f-file-${r.id}`}>
                Attach a file to “{r.title}”
              </label>
              <p class="hint" id={`f-file-${r.id}-hint`}>
                A PDF, Word document (.docx), or PNG or JPEG picture, up to 5 MB.
              </p>
              {uploadError?.id === r.id && (
                <p class="error-message" id={`f-file-${r.id}-error`}>
                  <span class="visually-hidden">Error:</span> {uploadError.message}
                </p>
              )}
              <input
                class="input"
                type="file"
                id={`f-file-${r.id}`}
                name="file"
                accept=".pdf,.docx,.png,.jpg,.jpeg"
                aria-describedby={`f-file-${r.id}-hint`}
              />
            </div>
            <Button variant="secondary">
              Upload<span class="visually-hidden"> to {r.title}</span>
            </Button>
          </form>
        </div>
      ))}
    </Layout>
  );
}

export function StoriesReviewPage({
  ctx,
  stories,
}: {
  ctx: PageContext;
  stories: { id: string; title: string; orgName: string; submittedAt: Date }[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Stories to review"
      before={<Breadcrumbs items={[{ href: '/network', label: 'Network' }]} />}
    >
      <h1>Stories to review</h1>
      {stories.length === 0 && <p class="empty">No stories are waiting.</p>}
      {stories.map((s) => (
        <div class="learning-row">
          <h2 class="learning-hit-title">
            <a href={`/learning/library/${s.id}`}>{s.title}</a>
          </h2>
          <p class="learning-meta">
            From {s.orgName}, sent {formatShortDate(s.submittedAt)}.
          </p>
          <form method="post" action={`/network/learning/stories/${s.id}`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <div class="field">
              <label class="label" for={`f-note-${s.id}`}>
                A note to {s.orgName} (needed when you send it back)
              </label>
              <textarea class="input textarea" id={`f-note-${s.id}`} name="note" rows={2} />
            </div>
            <div class="button-row">
              <Button name="decision" value="publish">
                Publish<span class="visually-hidden"> {s.title}</span>
              </Button>
              <Button name="decision" value="return" variant="secondary">
                Send back<span class="visually-hidden"> {s.title}</span>
              </Button>
            </div>
          </form>
        </div>
      ))}
    </Layout>
  );
}
