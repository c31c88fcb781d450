// People who can help: the list with its search, and the form for your own entry.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Select,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { loadHelperForm, loadHelpersPage } from './people.service.ts';

const crumbs = [
  { href: '/', label: 'Home' },
  { href: '/learning', label: 'Learn from each other' },
];

export function HelpersPage({ ctx, view }: { ctx: PageContext; view: Awaited<ReturnType<typeof loadHelpersPage>> }) {
  return (
    <Layout
      ctx={ctx}
      title={view.q ? `People who can help: ${view.q}` : 'People who can help'}
      before={<Breadcrumbs items={crumbs} />}
    >
      <h1>People who can help</h1>
      <p class="lede">
        People in member groups who have said what they can offer, and what they are looking for. Only members of the
        network see this list.
      </p>
      {view.canList && (
        <p>
          <a class="button button-secondary" href="/learning/people/me">
            {view.listed ? 'Change what you have said' : 'Add yourself to the list'}
          </a>
        </p>
      )}
      <form method="get" action="/learning/people" role="search" class="learning-search">
        <TextInput
          name="q"
          label="Search by skill or experience"
          hint="For example: bid writing, safeguarding, running a café"
          type="search"
          value={view.q}
          spellcheck={false}
        />
        <Button>Search</Button>
      </form>
      <p role="status">
        {view.people.length === 0
          ? view.q
            ? `Nobody has mentioned “${view.q}” yet.`
            : 'Nobody has added themselves yet.'
          : `${view.people.length} ${view.people.length === 1 ? 'person' : 'people'}${view.q ? ` for “${view.q}”` : ''}`}
      </p>
      <ul class="learning-hits">
        {view.people.map((p) => (
          <li>
            <h2 class="learning-hit-title">
              {p.name}
              {p.mine && <span class="tag">You</span>}
            </h2>
            <p class="learning-meta">
              <a href={`/organisations/${p.orgSlug}`}>{p.orgName}</a>
            </p>
            <dl class="learning-offer">
              {p.canOffer && (
                <>
                  <dt>Can offer</dt>
                  <dd>{p.canOffer}</dd>
                </>
              )}
              {p.lookingFor && (
                <>
                  <dt>Looking for</dt>
                  <dd>{p.lookingFor}</dd>
                </>
              )}
            </dl>
            {!p.mine && (
              <p>
                <a href={`mailto:${p.email}`}>Email {p.name}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function HelperFormPage({
  ctx,
  view,
  values,
  errors = {},
}: {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof loadHelperForm>>;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const v = (k: 'org' | 'can_offer' | 'looking_for') =>
    values?.[k] ?? (k === 'org' ? view.entry?.org_id : view.entry?.[k]) ?? '';
  return (
    <Layout
      ctx={ctx}
      title="What you can offer"
      before={<Breadcrumbs items={[...crumbs, { href: '/learning/people', label: 'People who can help' }]} />}
    >
      <ErrorSummary errors={errors} order={['org', 'can_offer', 'looking_for']} />
      <h1>What you can offer, and what you are looking for</h1>
      {view.orgs.length === 0 ? (
        <p>
          People are listed through a member group. When your group has joined the network, you can add yourself here.
        </p>
      ) : (
        <>
          <p>
            Members of the network will see your name, your group, your email address and what you write here, so they
            can get in touch. Nobody outside the network sees it, and you can take yourself off the list at any time.
          </p>
          <form method="post" action="/learning/people/me" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            {view.orgs.length === 1 ? (
              <input type="hidden" name="org" value={view.orgs[0]!.value} />
            ) : (
              <Select
                name="org"
                label="Which group you are listed with"
                options={view.orgs}
                value={v('org')}
                error={errors.org}
              />
            )}
            <TextArea
              name="can_offer"
              label="What you can offer"
              hint="Skills and experience, like writing bids, running a café, DBS checks, setting up a committee"
              value={v('can_offer')}
              error={errors.can_offer}
              rows={4}
            />
            <TextArea
              name="looking_for"
              label="What you are looking for"
              hint="What would help you or your group just now"
              value={v('looking_for')}
              error={errors.looking_for}
              rows={4}
            />
            <Button>Save</Button>
          </form>
          {view.entry && (
            <form method="post" action="/learning/people/me/remove">
              <CsrfField token={ctx.csrfToken()} />
              <Button variant="secondary">Take me off the list</Button>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}
