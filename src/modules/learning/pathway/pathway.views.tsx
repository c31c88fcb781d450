// Start a LERO: the public guide, a group's own progress, asking for a mentor, mentoring.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  TextArea,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatShortDate } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { MentorSuggestion } from '../domain/mentor-matching.ts';
import { STAGE_LABEL, type PathwayStep } from '../domain/pathway.ts';
import type { loadStartGuide } from './pathway.service.ts';

const libraryLink = (s: PathwayStep) => `/learning/library?topic=${s.topic}`;
/** A title inside a sentence: "Insurance" becomes "insurance", "DBS checks" stays as it is. */
const inSentence = (title: string) =>
  /^\p{Lu}\p{Lu}/u.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);

export function StartGuidePage({ ctx, view }: { ctx: PageContext; view: Awaited<ReturnType<typeof loadStartGuide>> }) {
  const done = view.steps.filter((s) => s.doneAt).length;
  return (
    <Layout
      ctx={ctx}
      title="Start a recovery group"
      before={
        <Breadcrumbs
          items={[
            { href: '/', label: 'Home' },
            { href: '/learning', label: 'Learn from each other' },
          ]}
        />
      }
    >
      <h1>Start a recovery group</h1>
      <p class="lede">
        Every group in the network started as a few people with an idea. These are the steps most of them took, from an
        idea to a group to a charity.
      </p>
      {view.groups.length > 0 && (
        <p>
          Your group’s own progress:{' '}
          {view.groups.map((g, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/orgs/${g.slug}/pathway`}>{g.name}</a>
            </>
          ))}
          .
        </p>
      )}
      {view.personal ? (
        <p id="your-steps">
          You can tick steps off here while it is just you; only you see these ticks ({done} of {view.steps.length} so
          far). When you have started, <a href="/join">tell the network about your group</a>: you can bring your ticks
          across and ask an established group to mentor you.
        </p>
      ) : (
        <p>
          If you have started, <a href="/join">tell the network about your group</a>. <a href="/sign-in">Sign in</a> to
          keep track of these steps; once your group is in touch you can ask an established group to mentor you.
        </p>
      )}
      <Steps
        steps={view.steps}
        form={view.personal ? { action: (k) => `/learning/start/${k}`, csrf: ctx.csrfToken(), mine: true } : undefined}
      />
    </Layout>
  );
}

function Steps({
  steps,
  form,
}: {
  steps: (PathwayStep & { doneAt: Date | undefined })[];
  form?: { action: (key: string) => string; csrf: string; mine?: boolean } | undefined;
}) {
  const stages = ['idea', 'group', 'charity'] as const;
  return (
    <>
      {stages.map((stage) => (
        <section>
          <h2>{STAGE_LABEL[stage]}</h2>
          <ol class="learning-steps">
            {steps
              .filter((s) => s.stage === stage)
              .map((s) => (
                <li class={s.doneAt ? 'learning-step learning-step-done' : 'learning-step'}>
                  <h3>
                    {s.title} {s.doneAt && <span class="tag">Done {formatShortDate(s.doneAt)}</span>}
                  </h3>
                  <p>{s.guidance}</p>
                  <p>
                    <a href={libraryLink(s)}>What other groups have shared about {inSentence(s.title)}</a>
                  </p>
                  {form && (
                    <form method="post" action={form.action(s.key)} class="inline-form">
                      <CsrfField token={form.csrf} />
                      <input type="hidden" name="done" value={s.doneAt ? 'no' : 'yes'} />
                      <Button variant="secondary">
                        {s.doneAt ? 'Not done yet' : form.mine ? 'I’ve done this' : 'We’ve done this'}
                        <span class="visually-hidden">: {s.title}</span>
                      </Button>
                    </form>
                  )}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </>
  );
}

type PathwayView = {
  steps: (PathwayStep & { doneAt: Date | undefined })[];
  doneCount: number;
  mentor?: { status: string; name: string; slug: string } | undefined;
  canAsk: boolean;
  ownSteps: number;
};

export function PathwayPage({
  ctx,
  org,
  view,
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  view: PathwayView;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Your pathway"
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }]} />}
    >
      <h1>Getting {org.name} started</h1>
      <p class="lede">
        {view.doneCount} of {view.steps.length} steps done. Only your group, your mentor and network coordinators see
        this.
      </p>
      {view.mentor ? (
        <p>
          {view.mentor.status === 'accepted' ? (
            <>
              Your mentor is <a href={`/organisations/${view.mentor.slug}`}>{view.mentor.name}</a>.
            </>
          ) : (
            <>You asked {view.mentor.name} to mentor you. We’ll email you when they answer.</>
          )}
        </p>
      ) : (
        view.canAsk && (
          <p>
            <a class="button button-primary" href={`/orgs/${org.slug}/pathway/mentor`}>
              Ask for a mentor
            </a>
          </p>
        )
      )}
      {view.ownSteps > 0 && (
        <form method="post" action={`/orgs/${org.slug}/pathway/bring-steps`} class="inline-form">
          <CsrfField token={ctx.csrfToken()} />
          <p>
            You ticked {view.ownSteps} {view.ownSteps === 1 ? 'step' : 'steps'} on your own before the group was here.
          </p>
          <Button variant="secondary">Bring them across to {org.name}</Button>
        </form>
      )}
      <Steps steps={view.steps} form={{ action: (k) => `/orgs/${org.slug}/pathway/${k}`, csrf: ctx.csrfToken() }} />
    </Layout>
  );
}

export function MentorPage({
  ctx,
  org,
  suggestions,
  requested,
  errors = {},
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  suggestions: MentorSuggestion[];
  requested?: { name: string; status: string } | undefined;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Ask for a mentor"
      before={
        <Breadcrumbs
          items={[
            { href: `/orgs/${org.slug}`, label: org.name },
            { href: `/orgs/${org.slug}/pathway`, label: 'Your pathway' },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} />
      <h1>Ask for a mentor</h1>
      {requested ? (
        <p>
          You have asked {requested.name}.{' '}
          {requested.status === 'accepted' ? 'They said yes.' : 'We’ll email you when they answer.'}
        </p>
      ) : suggestions.length === 0 ? (
        <p>No group has room to mentor just now. A network coordinator can help: reply to any email from us.</p>
      ) : (
        <form method="post" action={`/orgs/${org.slug}/pathway/mentor`} novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <p>
            These established groups have said they have room to mentor. The nearest, and those doing what you want to
            do, come first.
          </p>
          <Radios
            name="mentor"
            label="Who would you like to ask?"
            error={errors.mentor}
            options={suggestions.map((s) => ({ value: s.orgId, label: s.name, hint: s.reasons.join('. ') + '.' }))}
          />
          <TextArea
            name="message"
            label="A few words to them (optional)"
            hint="What you are hoping to do, and what you would like help with."
            rows={3}
            error={errors.message}
          />
          <Button>Ask them</Button>
        </form>
      )}
    </Layout>
  );
}

type MentoringRequest = {
  id: string;
  group_name: string;
  status: string;
  message: string;
  reasons: string[];
  created_at: Date;
};

export function MentoringPage({
  ctx,
  org,
  capacity,
  note,
  requests,
  errors = {},
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  capacity: number;
  note: string;
  requests: MentoringRequest[];
  errors?: FieldErrors;
}) {
  const csrf = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title="Mentoring new groups"
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }]} />}
    >
      <ErrorSummary errors={errors} />
      <h1>Mentoring new groups</h1>
      <p class="lede">
        New groups ask established ones for a hand getting started. You decide how many you can help at once.
      </p>
      <h2>Requests</h2>
      {requests.length === 0 && <p class="empty">No requests just now.</p>}
      {requests.map((r) => (
        <div class="learning-row">
          <h3>{r.group_name}</h3>
          <p class="learning-meta">
            Asked {formatShortDate(r.created_at)}.{' '}
            {r.status === 'accepted' ? 'You are mentoring them.' : 'Waiting for your answer.'}
          </p>
          {r.message && <p>“{r.message}”</p>}
          {r.status === 'asked' ? (
            <form method="post" action={`/orgs/${org.slug}/mentoring/${r.id}`} class="button-row">
              <CsrfField token={csrf} />
              <Button name="answer" value="accept">
                Yes, we’ll mentor them<span class="visually-hidden"> ({r.group_name})</span>
              </Button>
              <Button name="answer" value="decline" variant="secondary">
                Not now<span class="visually-hidden"> ({r.group_name})</span>
              </Button>
            </form>
          ) : (
            <p>
              <a href={`/orgs/${org.slug}/mentoring/${r.id}`}>See {r.group_name}’s progress</a>
            </p>
          )}
        </div>
      ))}
      <h2>How many groups can you mentor?</h2>
      <form method="post" action={`/orgs/${org.slug}/mentoring`} novalidate>
        <CsrfField token={csrf} />
        <Select
          name="capacity"
          label="At once"
          value={String(capacity)}
          error={errors.capacity}
          options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 0 ? 'None just now' : String(n) }))}
        />
        <TextArea name="note" label="What you could help with (optional)" rows={2} value={note} error={errors.note} />
        <Button variant="secondary">Save</Button>
      </form>
    </Layout>
  );
}

export function MenteePage({
  ctx,
  org,
  view,
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  view: { groupName: string; steps: (PathwayStep & { doneAt: Date | undefined })[] };
}) {
  return (
    <Layout
      ctx={ctx}
      title={`${view.groupName}: progress`}
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}/mentoring`, label: 'Mentoring' }]} />}
    >
      <h1>{view.groupName}: how they are getting on</h1>
      <Steps steps={view.steps} />
    </Layout>
  );
}

type MatchRow = {
  id: string;
  group_name: string;
  mentor_name: string;
  status: string;
  made_by_coordinator: boolean;
  created_at: Date;
};

export function MatchesPage({
  ctx,
  rows,
  groups,
  mentors,
  errors = {},
}: {
  ctx: PageContext;
  rows: MatchRow[];
  groups: { id: string; name: string }[];
  mentors: { id: string; name: string }[];
  errors?: FieldErrors;
}) {
  const STATUS: Record<string, string> = {
    asked: 'was asked to mentor',
    accepted: 'is mentoring',
    declined: 'said not now to',
    ended: 'has finished mentoring',
  };
  return (
    <Layout ctx={ctx} title="Mentor matches" before={<Breadcrumbs items={[{ href: '/network', label: 'Network' }]} />}>
      <ErrorSummary errors={errors} />
      <h1>Mentor matches</h1>
      {rows.length === 0 && <p class="empty">No requests yet.</p>}
      <ul>
        {rows.map((r) => (
          <li>
            {r.mentor_name} {STATUS[r.status] ?? r.status} {r.group_name}
            {r.made_by_coordinator ? ' (matched by hand)' : ''}, {formatShortDate(r.created_at)}
          </li>
        ))}
      </ul>
      <h2>Make a match by hand</h2>
      <form method="post" action="/network/learning/mentoring" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Select
          name="group"
          label="New group"
          error={errors.group}
          options={[{ value: '', label: 'Choose a group' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          name="mentor"
          label="Mentor"
          error={errors.mentor}
          options={[
            { value: '', label: 'Choose a member organisation' },
            ...mentors.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
        <Button>Ask the mentor</Button>
      </form>
    </Layout>
  );
}
