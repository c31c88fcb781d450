// Ask the network: the list, one question with its answers, the ask form, moderation.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDateTime, formatShortDate } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import { RenderedMarkdown, TagList } from '../learning.ui.tsx';
import type { loadModerationPage, loadQuestionPage, loadQuestionsPage } from './questions.service.ts';

const crumbs = [
  { href: '/', label: 'Home' },
  { href: '/learning', label: 'Learn from each other' },
];
const tagLinks = (tags: string[]) =>
  tags.map((t) => ({ label: t, href: `/learning/questions?tag=${encodeURIComponent(t)}` }));

export function QuestionsPage({
  ctx,
  view,
}: {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof loadQuestionsPage>>;
}) {
  return (
    <Layout ctx={ctx} title="Ask the network" before={<Breadcrumbs items={crumbs} />}>
      <h1>Ask the network</h1>
      <p class="lede">Questions from groups across the network, answered by people who have been there.</p>
      <p>
        <a class="button button-primary" href="/learning/questions/new">
          Ask a question
        </a>
      </p>
      <nav aria-label="Which questions">
        <ul class="inline-list">
          <li>
            <a href="/learning/questions" aria-current={!view.unanswered && !view.tag ? 'page' : undefined}>
              All questions
            </a>
          </li>
          <li>
            <a href="/learning/questions?unanswered=1" aria-current={view.unanswered ? 'page' : undefined}>
              Needs an answer
            </a>
          </li>
          {view.tag && (
            <li>
              <span class="tag">Tagged {view.tag}</span> <a href="/learning/questions">show all</a>
            </li>
          )}
        </ul>
      </nav>
      {view.questions.length === 0 && <p class="empty">No questions here yet.</p>}
      <ul class="learning-hits">
        {view.questions.map((q) => (
          <li>
            <h2 class="learning-hit-title">
              <a href={`/learning/questions/${q.id}`}>{q.title}</a>
            </h2>
            <p class="learning-meta">
              From {q.orgName}, {formatShortDate(q.askedAt)}.{' '}
              {q.answers === 0 ? 'No answers yet.' : `${q.answers} ${q.answers === 1 ? 'answer' : 'answers'}.`}{' '}
              {q.solved && <span class="tag">Solved</span>}
            </p>
            <TagList label="Tags" tags={tagLinks(q.tags)} />
          </li>
        ))}
      </ul>
      <h2>Hear about new questions</h2>
      <form method="post" action="/learning/follows" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="tags"
          label="Tags you follow"
          hint="Words separated by commas, like safeguarding, funding. We email you when a question with one of them arrives."
          value={view.following.join(', ')}
        />
        <Button variant="secondary">Save the tags I follow</Button>
      </form>
    </Layout>
  );
}

export function AskPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
}) {
  const v = (k: string) => String(values[k] ?? '');
  return (
    <Layout
      ctx={ctx}
      title="Ask a question"
      before={<Breadcrumbs items={[...crumbs, { href: '/learning/questions', label: 'Ask the network' }]} />}
    >
      <ErrorSummary errors={errors} order={['title', 'body', 'tags']} />
      <h1>Ask a question</h1>
      <p>
        Other groups in the network will see it and can answer. Please don’t include anything that could identify
        someone you support.
      </p>
      <form method="post" action="/learning/questions/new" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Your question" value={v('title')} error={errors.title} />
        <TextArea
          name="body"
          label="More detail (optional)"
          hint="What have you tried? What would help?"
          value={v('body')}
          error={errors.body}
        />
        <TextInput
          name="tags"
          label="Tags (optional)"
          hint="A few words separated by commas, like volunteers, dbs"
          value={v('tags')}
          error={errors.tags}
        />
        <Button>Ask the network</Button>
      </form>
    </Layout>
  );
}

export function QuestionPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof loadQuestionPage>>;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
}) {
  const csrf = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title={view.title}
      before={<Breadcrumbs items={[...crumbs, { href: '/learning/questions', label: 'Ask the network' }]} />}
    >
      <ErrorSummary errors={errors} />
      <h1>{view.title}</h1>
      {view.hidden && <p class="tag tag-applicant">Hidden by a moderator</p>}
      <p class="learning-meta">
        Asked by {view.askedBy} of {view.orgName}, {formatDateTime(view.askedAt)}.
      </p>
      <RenderedMarkdown html={view.bodyHtml} />
      <TagList label="Tags" tags={tagLinks(view.tags)} />
      <h2>
        {view.answers.length === 0
          ? 'No answers yet'
          : `${view.answers.length} ${view.answers.length === 1 ? 'answer' : 'answers'}`}
      </h2>
      {view.answers.map((a, i) => (
        <article
          class={a.accepted ? 'learning-answer learning-accepted' : 'learning-answer'}
          aria-labelledby={`answer-${i}`}
        >
          <h3 id={`answer-${i}`} class="learning-answer-title">
            {a.accepted && <span class="tag">Solved it</span>} {a.by} of {a.orgName}
          </h3>
          {a.hidden && <p class="tag tag-applicant">Hidden by a moderator</p>}
          <RenderedMarkdown html={a.bodyHtml} />
          <p class="learning-meta">
            {formatDateTime(a.at)}.{' '}
            {a.helped === 0 ? '' : `${a.helped} ${a.helped === 1 ? 'person says' : 'people say'} this helped.`}
          </p>
          <div class="button-row">
            {!a.mine && !a.helpedByMe && (
              <form method="post" action={`/learning/questions/${view.id}/answers/${a.id}/helped`} class="inline-form">
                <CsrfField token={csrf} />
                <Button variant="secondary">
                  This helped<span class="visually-hidden"> (answer by {a.by})</span>
                </Button>
              </form>
            )}
            {a.helpedByMe && <p>You said this helped.</p>}
            {view.mine && !a.accepted && (
              <form method="post" action={`/learning/questions/${view.id}/answers/${a.id}/accept`} class="inline-form">
                <CsrfField token={csrf} />
                <Button>
                  This solved it<span class="visually-hidden"> (answer by {a.by})</span>
                </Button>
              </form>
            )}
            {view.moderator && (
              <form
                method="post"
                action={`/learning/moderation/answer/${a.id}/${a.hidden ? 'restore' : 'hide'}`}
                class="inline-form"
              >
                <CsrfField token={csrf} />
                <Button variant="warning">
                  {a.hidden ? 'Show again' : 'Hide'}
                  <span class="visually-hidden"> answer by {a.by}</span>
                </Button>
              </form>
            )}
          </div>
          <details>
            <summary>
              Report this answer<span class="visually-hidden"> by {a.by}</span>
            </summary>
            <form method="post" action={`/learning/questions/${view.id}/report`} novalidate>
              <CsrfField token={csrf} />
              <input type="hidden" name="answer" value={a.id} />
              <div class="field">
                <label class="label" for={`f-reason-${a.id}`}>
                  What is wrong with it?
                </label>
                <textarea class="input textarea" id={`f-reason-${a.id}`} name="reason" rows={2} />
              </div>
              <Button variant="secondary">Send report</Button>
            </form>
          </details>
        </article>
      ))}
      <h2>Your answer</h2>
      <form method="post" action={`/learning/questions/${view.id}/answers`} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          name="body"
          label="Share what worked for you"
          hint="You can use Markdown for lists and links."
          value={String(values.body ?? '')}
          error={errors.body}
        />
        <Button>Post your answer</Button>
      </form>
      <details>
        <summary>Report this question</summary>
        <form method="post" action={`/learning/questions/${view.id}/report`} novalidate>
          <CsrfField token={csrf} />
          <div class="field">
            <label class="label" for="f-reason-question">
              What is wrong with it?
            </label>
            <textarea class="input textarea" id="f-reason-question" name="reason" rows={2} />
          </div>
          <Button variant="secondary">Send report</Button>
        </form>
      </details>
      {view.moderator && (
        <form method="post" action={`/learning/moderation/question/${view.id}/${view.hidden ? 'restore' : 'hide'}`}>
          <CsrfField token={csrf} />
          <Button variant="warning">{view.hidden ? 'Show this question again' : 'Hide this question'}</Button>
        </form>
      )}
    </Layout>
  );
}

export function ModerationPage({
  ctx,
  view,
}: {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof loadModerationPage>>;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Questions: unanswered and reported"
      before={<Breadcrumbs items={[{ href: '/network', label: 'Network' }]} />}
    >
      <h1>Questions: unanswered and reported</h1>
      <h2>Reported</h2>
      {view.reports.length === 0 && <p class="empty">Nothing reported.</p>}
      <ul>
        {view.reports.map((r) => (
          <li>
            <a href={`/learning/questions/${r.questionId}`}>A {r.kind}</a> reported {formatShortDate(r.at)}: “{r.reason}
            ” {r.hidden ? '(hidden)' : ''}
            <form
              method="post"
              action={`/learning/moderation/${r.kind}/${r.targetId}/${r.hidden ? 'restore' : 'hide'}`}
              class="inline-form"
            >
              <CsrfField token={ctx.csrfToken()} />
              <Button variant="warning">{r.hidden ? 'Show again' : 'Hide it'}</Button>
            </form>
          </li>
        ))}
      </ul>
      <h2>Needs an answer</h2>
      {view.unanswered.length === 0 && <p class="empty">Every question has an answer.</p>}
      <ul>
        {view.unanswered.map((q) => (
          <li>
            <a href={`/learning/questions/${q.id}`}>{q.title}</a> from {q.orgName}, {formatShortDate(q.askedAt)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
