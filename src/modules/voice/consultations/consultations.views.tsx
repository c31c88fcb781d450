// Consultation pages: the list, taking part one statement at a time, opening one, moderation, results.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { ConsultationRow, LoadedConsultation, StatementRow, VotingView } from './consultations.service.ts';
import type { ResultsView, StatementFigures } from './results.service.ts';

const PHASE: Record<string, string> = { upcoming: 'Opens soon', open: 'Open', closed: 'Closed' };
const AUDIENCE: Record<string, string> = {
  link: 'Anyone with the link',
  network: 'Members of the network',
  org: 'Our organisation’s people',
};

export function ConsultationList({ items }: { items: { row: ConsultationRow; phase: string }[] }) {
  if (items.length === 0) return <p class="empty">No consultations yet.</p>;
  return (
    <ul class="voice-list">
      {items.map(({ row, phase }) => (
        <li>
          <a href={`/voice/consultations/${row.id}`}>{row.title}</a> <span class="tag">{PHASE[phase]}</span>
          <br />
          <span class="hint">
            {row.org_name ? `${row.org_name} · ` : ''}
            {phase === 'closed' ? 'Closed' : `Closes ${formatDateTime(row.closes_at)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function VotingPage({ ctx, view, errors }: { ctx: PageContext; view: VotingView; errors?: FieldErrors }) {
  const c = view.consultation;
  const id = c.row.id;
  return (
    <Layout ctx={ctx} title={c.row.title}>
      {errors && <ErrorSummary errors={errors} />}
      <p class="hint">
        {c.row.org_name ?? 'The network'} · {AUDIENCE[c.row.audience]} · <span class="tag">{PHASE[c.phase]}</span>
      </p>
      <h1>{c.row.title}</h1>
      <div class="voice-prose" dangerouslySetInnerHTML={{ __html: view.backgroundHtml }} />
      <p>
        {c.phase === 'upcoming'
          ? `Opens ${formatDateTime(c.row.opens_at)}.`
          : c.phase === 'open'
            ? `Open until ${formatDateTime(c.row.closes_at)}.`
            : 'This consultation has closed. Thank you to everyone who took part.'}{' '}
        {view.counts.participants} {view.counts.participants === 1 ? 'person has' : 'people have'} taken part so far.
      </p>
      {c.canSeeResults && (
        <p>
          <a href={`/voice/consultations/${id}/results`}>See what people said</a>
        </p>
      )}
      {c.canManage && (
        <p>
          <a href={`/voice/consultations/${id}/manage`}>Run this consultation: statements waiting, closing early</a>
        </p>
      )}
      {c.phase === 'open' && (
        <section aria-labelledby="vote-heading" class="voice-vote" id="vote">
          <h2 id="vote-heading">
            {view.next
              ? `Statement ${view.next.number} of ${view.statements.length}`
              : 'You have voted on every statement'}
          </h2>
          {view.next ? (
            <form method="post" action={`/voice/consultations/${id}/votes`} class="voice-card">
              <CsrfField token={ctx.csrfToken()} />
              <input type="hidden" name="statement" value={view.next.id} />
              <p class="voice-statement" id="statement-text">
                {view.next.text}
              </p>
              <div class="voice-choices" role="group" aria-labelledby="statement-text">
                <Button name="choice" value="agree">
                  Agree
                </Button>
                <Button name="choice" value="disagree">
                  Disagree
                </Button>
                <Button name="choice" value="pass" variant="secondary">
                  Pass or unsure
                </Button>
              </div>
            </form>
          ) : (
            <p>Thank you. You can change any vote below, or add a statement of your own.</p>
          )}
          <p class="hint">
            You have voted on {view.voted} of {view.statements.length}. One vote per statement: voting again changes
            your vote.
          </p>
        </section>
      )}
      {view.statements.length > 0 && c.phase === 'open' && view.voted > 0 && (
        <details class="voice-details">
          <summary>Your votes so far</summary>
          <ul class="voice-list">
            {view.statements.map((s, i) => (
              <li>
                {i + 1}. {s.text} —{' '}
                <strong>
                  {s.vote === 1 ? 'agree' : s.vote === -1 ? 'disagree' : s.vote === 0 ? 'pass' : 'not yet'}
                </strong>{' '}
                <a href={`/voice/consultations/${id}?statement=${s.id}#vote`}>
                  change<span class="visually-hidden"> your vote on statement {i + 1}</span>
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {view.canAddStatement && (
        <form method="post" action={`/voice/consultations/${id}/statements`} class="voice-add">
          <CsrfField token={ctx.csrfToken()} />
          <TextArea
            name="text"
            label="Add a statement of your own (optional)"
            hint="One clear point others can agree or disagree with, up to 280 characters. Someone will read it before it goes up."
            rows={3}
            error={errors?.text}
          />
          <Button variant="secondary">Send for checking</Button>
        </form>
      )}
      {view.mine.length > 0 && (
        <>
          <h2>Statements you added</h2>
          <ul class="voice-list">
            {view.mine.map((m) => (
              <li>
                “{m.text}” —{' '}
                {m.status === 'pending'
                  ? 'waiting to be checked'
                  : m.status === 'accepted'
                    ? 'up for voting'
                    : `not used: ${m.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.phase === 'open' && (
        <p>
          Want to say more in your own words? <a href={`/voice/words/share?consultation=${id}`}>Share your words</a>.
        </p>
      )}
    </Layout>
  );
}

export function NewConsultationPage({
  ctx,
  action,
  allowOrg,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  allowOrg: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const audiences = [
    {
      value: 'link',
      label: 'Anyone with the link',
      hint: 'No account needed. Each browser votes once on each statement.',
    },
    { value: 'network', label: 'Members of the network', hint: 'People signed in from a member organisation.' },
    ...(allowOrg
      ? [{ value: 'org', label: 'Our organisation’s people', hint: 'Only people with a role in your organisation.' }]
      : []),
  ];
  return (
    <Layout ctx={ctx} title="Open a consultation">
      <ErrorSummary errors={errors} />
      <h1>Open a consultation</h1>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={values.title} error={errors.title} />
        <TextArea
          name="background"
          label="Background"
          hint="What it is about and why it matters. You can use Markdown: **bold**, lists, links."
          value={values.background}
          error={errors.background}
          rows={6}
        />
        <Radios
          name="audience"
          label="Who can take part?"
          options={audiences}
          value={values.audience ?? 'link'}
          error={errors.audience}
        />
        <TextInput
          name="opensAt"
          label="Opens (date and time, UK)"
          hint="For example 2026-03-01 09:00"
          value={values.opensAt}
          error={errors.opensAt}
          width="medium"
        />
        <TextInput
          name="closesAt"
          label="Closes (date and time, UK)"
          hint="It closes by itself at this time. You can close it early."
          value={values.closesAt}
          error={errors.closesAt}
          width="medium"
        />
        <Radios
          name="resultsVisibility"
          label="When can people see the results?"
          options={[
            { value: 'after_close', label: 'Once it closes', hint: 'Early votes do not sway later ones.' },
            { value: 'live', label: 'As votes come in' },
          ]}
          value={values.resultsVisibility ?? 'after_close'}
        />
        <TextInput
          name="statementsPerPerson"
          label="Statements each person may add"
          value={values.statementsPerPerson ?? '3'}
          error={errors.statementsPerPerson}
          width="short"
          inputMode="numeric"
        />
        <TextArea
          name="statements"
          label="Statements to start with"
          hint="One per line. People agree, disagree or pass on each."
          value={values.statements}
          error={errors.statements}
          rows={8}
        />
        <Button>Open the consultation</Button>
      </form>
    </Layout>
  );
}

export function ManagePage({
  ctx,
  consultation,
  pending,
  rejected,
}: {
  ctx: PageContext;
  consultation: LoadedConsultation;
  pending: StatementRow[];
  rejected: StatementRow[];
}) {
  const id = consultation.row.id;
  return (
    <Layout ctx={ctx} title={`Run: ${consultation.row.title}`}>
      <h1>{consultation.row.title}</h1>
      <p>
        <a href={`/voice/consultations/${id}`}>Back to the consultation</a> ·{' '}
        <a href={`/voice/consultations/${id}/results`}>Results</a>
      </p>
      <h2>Statements waiting to be checked</h2>
      {pending.length === 0 && <p class="empty">Nothing waiting.</p>}
      {pending.map((s, i) => (
        <div class="voice-card">
          <p class="voice-statement">{s.text}</p>
          <form method="post" action={`/voice/consultations/${id}/statements/${s.id}/moderate`}>
            <CsrfField token={ctx.csrfToken()} />
            <TextInput
              name="reason"
              label={`If you do not use statement ${i + 1}, say why`}
              hint="The person who wrote it will see this."
            />
            <Button name="decision" value="accept">
              Accept
            </Button>
            <Button name="decision" value="reject" variant="secondary">
              Do not use
            </Button>
          </form>
        </div>
      ))}
      {rejected.length > 0 && (
        <Table
          caption="Statements not used"
          columns={[
            { header: 'Statement', cell: (s: StatementRow) => s.text },
            { header: 'Why', cell: (s) => s.reject_reason },
          ]}
          rows={rejected}
        />
      )}
      {consultation.phase !== 'closed' && (
        <form method="post" action={`/voice/consultations/${id}/close`}>
          <CsrfField token={ctx.csrfToken()} />
          <h2>Close it now</h2>
          <p>
            It closes by itself at {formatDateTime(consultation.row.closes_at)}. Closing now stops voting and works out
            the results.
          </p>
          <Button variant="warning">Close the consultation now</Button>
        </form>
      )}
    </Layout>
  );
}

function StatementTable({ caption, rows, groups }: { caption: string; rows: StatementFigures[]; groups: string[] }) {
  return (
    <Table
      caption={caption}
      rows={rows}
      columns={[
        { header: 'Statement', cell: (s: StatementFigures) => s.text },
        { header: 'Agree', cell: (s) => `${s.agree}%`, numeric: true },
        { header: 'Disagree', cell: (s) => `${s.disagree}%`, numeric: true },
        { header: 'Pass', cell: (s) => `${s.pass}%`, numeric: true },
        { header: 'Votes', cell: (s) => String(s.votes), numeric: true },
        ...groups.map((g, i) => ({
          header: `${g} agree`,
          cell: (s: StatementFigures) => (s.groups[i] === undefined ? '' : `${s.groups[i]}%`),
          numeric: true,
        })),
      ]}
    />
  );
}

/** The opinion map: each group as a circle sized by its rounded size; never a person's own place. */
export function OpinionMap({ view }: { view: ResultsView }) {
  const xs = [...view.groups.map((g) => g.x), ...view.statementPoints.map((p) => p.x)];
  const ys = [...view.groups.map((g) => g.y), ...view.statementPoints.map((p) => p.y)];
  const span = Math.max(1e-9, ...xs.map(Math.abs), ...ys.map(Math.abs));
  const sx = (x: number) => 160 + (x / span) * 120;
  const sy = (y: number) => 160 - (y / span) * 120;
  const maxWeight = Math.max(1, ...view.groups.map((g) => g.weight));
  return (
    <figure class="voice-map">
      <svg viewBox="0 0 320 320" role="img" aria-labelledby="map-title map-desc" width="100%">
        <title id="map-title">Opinion map</title>
        <desc id="map-desc">{view.groups.map((g) => `${g.label}: ${g.description}`).join(' ')}</desc>
        <rect x="0" y="0" width="320" height="320" fill="#f7f5ef" />
        <line x1="160" y1="20" x2="160" y2="300" stroke="#b8b2a4" />
        <line x1="20" y1="160" x2="300" y2="160" stroke="#b8b2a4" />
        {view.groups.map((g) => (
          <g>
            <circle
              cx={sx(g.x)}
              cy={sy(g.y)}
              r={12 + 28 * Math.sqrt(g.weight / maxWeight)}
              fill="#0b6b5c"
              fill-opacity="0.25"
              stroke="#0b6b5c"
              stroke-width="2"
            />
            <text x={sx(g.x)} y={sy(g.y) + 5} text-anchor="middle" font-size="14" font-weight="700" fill="#1d1d1b">
              {g.label.replace('Group ', '')}
            </text>
          </g>
        ))}
        {view.statementPoints.map((p) => (
          <text x={sx(p.x)} y={sy(p.y)} text-anchor="middle" font-size="14" fill="#4a4740">
            {p.number}
          </text>
        ))}
      </svg>
      <figcaption>
        Groups are circles (bigger means more people); numbers are statements, placed where someone who agreed with them
        would sit. Nearby means similar views.
      </figcaption>
    </figure>
  );
}

export function ResultsPage({ ctx, view }: { ctx: PageContext; view: ResultsView }) {
  const c = view.consultation.row;
  const groupLabels = view.groups.map((g) => g.label);
  return (
    <Layout ctx={ctx} title={`What people said: ${c.title}`}>
      <h1>What people said</h1>
      <p class="lede">{c.title}</p>
      <p>
        {view.participants} {view.participants === 1 ? 'person' : 'people'} cast {view.votes}{' '}
        {view.votes === 1 ? 'vote' : 'votes'}.
        {view.computedAt
          ? ` Worked out ${formatDateTime(view.computedAt)}.`
          : ' The results are being worked out; please look again in a minute.'}
      </p>
      {!view.enough ? (
        <p>
          We show where people agree and differ once at least {view.thresholds.participants} people have each voted on{' '}
          {view.thresholds.votesEach} or more statements, so that no one’s views can be picked out. Until then, only the
          numbers above.
        </p>
      ) : (
        <>
          <h2>Where we agree</h2>
          {view.agree.length ? (
            <StatementTable
              caption="Statements most people agree with, across every group"
              rows={view.agree}
              groups={groupLabels}
            />
          ) : (
            <p class="empty">No statement has clear agreement yet.</p>
          )}
          <h2>Where we differ</h2>
          {view.differ.length ? (
            <StatementTable caption="Statements the groups see differently" rows={view.differ} groups={groupLabels} />
          ) : (
            <p class="empty">No strong differences between groups.</p>
          )}
          <h2>Groups of similar views</h2>
          {view.groups.length === 0 ? (
            <p>
              No groups are shown: either views did not fall into groups, or a group would have had fewer than{' '}
              {view.thresholds.group} people.
            </p>
          ) : (
            <>
              <ul class="voice-list">
                {view.groups.map((g) => (
                  <li>
                    <strong>{g.label}.</strong> {g.description}
                  </li>
                ))}
              </ul>
              <OpinionMap view={view} />
              <Table
                caption="The map’s numbers: each group’s middle"
                rows={view.groups}
                columns={[
                  { header: 'Group', cell: (g) => g.label },
                  { header: 'People', cell: (g) => g.size, numeric: true },
                  { header: 'Across', cell: (g) => g.x.toFixed(2), numeric: true },
                  { header: 'Up', cell: (g) => g.y.toFixed(2), numeric: true },
                ]}
              />
            </>
          )}
          {view.disagree.length > 0 && (
            <>
              <h2>What most people disagree with</h2>
              <StatementTable
                caption="Statements most people disagree with"
                rows={view.disagree}
                groups={groupLabels}
              />
            </>
          )}
          <h2>Every statement</h2>
          <StatementTable caption="Every statement and its votes" rows={view.all} groups={groupLabels} />
          <details class="voice-details">
            <summary>How this was worked out</summary>
            <p>
              Each vote counts agree as +1, disagree as −1 and pass as 0. A principal component analysis (missing votes
              filled with the statement’s average) places people on a two-way map; people close together voted alike.
              Groups come from k-means clustering, first into many small clusters and then into two to five groups,
              choosing the number whose groups are most distinct (the silhouette score). A number of groups is never
              chosen if any group would have fewer than {view.thresholds.group} people. Agreement across groups
              multiplies each group’s agreement rate, so a statement scores high only when every group agrees. This
              follows the published method of Pol.is (Small et al., 2021, “Polis: Scaling deliberation by mapping high
              dimensional opinion spaces”, Recerca 26(2)). Group sizes are rounded to the nearest 5 and sizes under 8
              are not given.
            </p>
            <Table
              caption="Numbers of groups tried"
              rows={view.silhouettes}
              columns={[
                { header: 'Groups', cell: (s) => String(s.k), numeric: true },
                { header: 'Silhouette', cell: (s) => s.score.toFixed(2), numeric: true },
                {
                  header: 'Allowed',
                  cell: (s) => (s.smallest >= view.thresholds.group ? 'yes' : 'no: a group too small'),
                },
              ]}
            />
          </details>
        </>
      )}
      <p>
        <a href={`/voice/consultations/${c.id}`}>Back to the consultation</a>
      </p>
    </Layout>
  );
}
