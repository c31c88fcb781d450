// Pages for the network's own words and collections of phrases.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { KeyPhrase } from '../domain/key-phrases.ts';
import type { CollectionRow, LineRow, WordRow } from './words.service.ts';

export const CREDIT = 'Phrases spoken by participants and presenters';

export function SharePage({
  ctx,
  consultation,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  consultation?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title="Share your words">
      <ErrorSummary errors={errors} />
      <h1>Share your words</h1>
      <p class="lede">
        A sentence or two about recovery, your group, or what needs to change. Someone reads everything before it is
        used anywhere.
      </p>
      <form method="post" action="/voice/words/share">
        <CsrfField token={ctx.csrfToken()} />
        {consultation && <input type="hidden" name="consultation" value={consultation} />}
        <TextArea
          name="text"
          label="Your words"
          value={values.text}
          error={errors.text}
          rows={4}
          hint="Up to 1,000 characters. Please leave out anything that could identify someone else."
        />
        <Radios
          name="quoteAs"
          label="May we quote you?"
          value={values.quoteAs ?? 'anonymous'}
          error={errors.quoteAs}
          options={[
            { value: 'anonymous', label: 'Yes, without my name' },
            { value: 'first_name', label: 'Yes, with my first name' },
            { value: 'none', label: 'No, only use it to understand what people think' },
          ]}
        />
        <TextInput
          name="firstName"
          label="First name (only if you chose to be quoted with it)"
          value={values.firstName}
          error={errors.firstName}
          width="medium"
          autocomplete="given-name"
        />
        <Button>Share</Button>
      </form>
    </Layout>
  );
}

export function SharedPage({ ctx, withdrawPath }: { ctx: PageContext; withdrawPath: string }) {
  return (
    <Layout ctx={ctx} title="Thank you">
      <h1>Thank you for your words</h1>
      <p>
        Someone will read them before they are used. If you change your mind, this link takes them back at any time:
      </p>
      <p>
        <a href={withdrawPath}>Take my words back</a>
      </p>
      <p class="hint">Keep the link: it is the only way to find your words if you shared them without signing in.</p>
      <p>
        <a href="/voice">Back to Speak with one voice</a>
      </p>
    </Layout>
  );
}

export function WithdrawPage({ ctx, word, done }: { ctx: PageContext; word?: WordRow; done?: boolean }) {
  return (
    <Layout ctx={ctx} title="Take your words back">
      <h1>Take your words back</h1>
      {done ? (
        <p>Done. Your words have been taken out, including from any collection they were in.</p>
      ) : (
        <>
          <blockquote class="voice-quote">{word!.text}</blockquote>
          <form method="post">
            <CsrfField token={ctx.csrfToken()} />
            <Button variant="warning">Take these words back</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

const QUOTE: Record<string, string> = {
  none: 'not to be quoted',
  anonymous: 'quote without a name',
  first_name: 'quote with first name',
};

export function WordsDeskPage({
  ctx,
  pending,
  quotable,
  phrases,
  collections,
}: {
  ctx: PageContext;
  pending: WordRow[];
  quotable: WordRow[];
  phrases: KeyPhrase[];
  collections: CollectionRow[];
}) {
  return (
    <Layout ctx={ctx} title="The network’s own words">
      <h1>The network’s own words</h1>
      <form method="post" action="/network/voice/words/import">
        <CsrfField token={ctx.csrfToken()} />
        <Button variant="secondary">Bring in event feedback people agreed we may quote</Button>
      </form>
      <h2>Waiting to be checked ({pending.length})</h2>
      {pending.length === 0 && <p class="empty">Nothing waiting.</p>}
      {pending.map((w, i) => (
        <div class="voice-card">
          <blockquote class="voice-quote">{w.text}</blockquote>
          <p class="hint">
            {QUOTE[w.quote_as]}
            {w.quote_as === 'first_name' ? `: ${w.first_name}` : ''} · from {w.source}
          </p>
          <form method="post" action={`/network/voice/words/${w.id}/moderate`}>
            <CsrfField token={ctx.csrfToken()} />
            <Button name="decision" value="approve">
              Approve<span class="visually-hidden"> words {i + 1}</span>
            </Button>
            <Button name="decision" value="reject" variant="secondary">
              Do not use<span class="visually-hidden"> words {i + 1}</span>
            </Button>
          </form>
        </div>
      ))}
      <h2>Key phrases</h2>
      <p>
        Phrases from the {quotable.length} approved comments people agreed we may quote, exactly as written, most widely
        used first.
      </p>
      <ol class="voice-phrases">
        {phrases.map((p) => (
          <li>
            “{p.text}”{' '}
            <span class="hint">
              — {p.people} {p.people === 1 ? 'person' : 'people'}, {p.frequency} {p.frequency === 1 ? 'time' : 'times'}
            </span>
          </li>
        ))}
      </ol>
      <details class="voice-details">
        <summary>How this was worked out</summary>
        <p>
          Each comment is split into runs of words between common words such as “the” and “is” and punctuation (the RAKE
          method: Rose, Engel, Cramer and Cowley, 2010, “Automatic keyword extraction from individual documents”).
          Phrases are ranked by how many different comments used them, then how often; a phrase is always shown exactly
          as someone wrote it.
        </p>
      </details>
      <h2>Collections</h2>
      <ul class="voice-list">
        {collections.map((c) => (
          <li>
            <a href={`/network/voice/collections/${c.id}`}>{c.title}</a> <span class="tag">{c.status}</span>
          </li>
        ))}
      </ul>
      <form method="post" action="/network/voice/collections">
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="title"
          label="Start a collection of phrases"
          hint="Its title, for example “What recovery means to us”"
          width="medium"
        />
        <Button variant="secondary">Start</Button>
      </form>
    </Layout>
  );
}

export function CollectionEditor({
  ctx,
  collection,
  lines,
  phrases,
  unknown = [],
  values,
}: {
  ctx: PageContext;
  collection: CollectionRow;
  lines: LineRow[];
  phrases: KeyPhrase[];
  unknown?: string[];
  values?: Record<string, string>;
}) {
  const text = values?.lines ?? lines.map((l) => `${l.space_before ? '\n' : ''}${l.text}`).join('\n');
  const errors: FieldErrors = unknown.length
    ? { lines: `These lines are not words anyone shared (they must be exact): ${unknown.join(' / ')}` }
    : {};
  return (
    <Layout ctx={ctx} title={`Edit: ${collection.title}`}>
      <ErrorSummary errors={errors} />
      <h1>{collection.title}</h1>
      <p>
        <a href={`/voice/collections/${collection.id}`}>See it as others will</a>
      </p>
      <form method="post" action={`/network/voice/collections/${collection.id}`}>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={values?.title ?? collection.title} />
        <TextArea
          name="introduction"
          label="A line to introduce it (optional)"
          value={values?.introduction ?? collection.introduction}
          rows={2}
        />
        <TextArea
          name="lines"
          label="Lines, in order"
          hint="One phrase per line, copied exactly from the key phrases below or from shared words. Leave a blank line for a space between verses."
          value={text}
          error={errors.lines}
          rows={14}
        />
        <Button>Save</Button>
      </form>
      {collection.status !== 'published' && (
        <form method="post" action={`/network/voice/collections/${collection.id}/publish`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button variant="secondary">Publish</Button>
        </form>
      )}
      <h2>Key phrases to choose from</h2>
      <ol class="voice-phrases">
        {phrases.map((p) => (
          <li>{p.text}</li>
        ))}
      </ol>
    </Layout>
  );
}

export function CollectionPage({
  ctx,
  collection,
  lines,
}: {
  ctx: PageContext;
  collection: CollectionRow;
  lines: LineRow[];
}) {
  return (
    <Layout ctx={ctx} title={collection.title}>
      <article class="voice-poem">
        <h1>{collection.title}</h1>
        {collection.introduction && <p class="lede">{collection.introduction}</p>}
        <div class="voice-poem-lines">
          {lines.map((l) => (
            <p class={l.space_before ? 'voice-line voice-stanza' : 'voice-line'}>{l.text}</p>
          ))}
        </div>
        <p class="voice-credit">{CREDIT}.</p>
        <p class="no-print">
          <a href={`/voice/collections/${collection.id}/words.pdf`} download>
            Download as a PDF
          </a>{' '}
          (to print or share; it names nobody)
        </p>
      </article>
    </Layout>
  );
}
