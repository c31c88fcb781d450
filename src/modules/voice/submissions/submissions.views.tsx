// Pages for papers to government.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Select,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { ConsultationRow } from '../consultations/consultations.service.ts';
import { creditOf, type WordRow } from '../words/words.service.ts';
import { endorsedBy, paperSections } from './paper.docx.ts';
import type { loadPaper, SubmissionRow } from './submissions.service.ts';

export function PapersPage({ ctx, papers }: { ctx: PageContext; papers: SubmissionRow[] }) {
  return (
    <Layout ctx={ctx} title="Papers to government">
      <h1>Papers to government</h1>
      <p>
        <a href="/network/voice/submissions/new">Draft a paper</a>
      </p>
      <ul class="voice-list">
        {papers.map((p) => (
          <li>
            <a href={`/voice/submissions/${p.id}`}>{p.title}</a> <span class="tag">{p.status}</span> version{' '}
            {p.current_version}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function DraftForm({
  ctx,
  action,
  consultations,
  quotable,
  values = {},
  chosen = [],
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  consultations: { row: ConsultationRow }[];
  quotable: WordRow[];
  values?: Record<string, string>;
  chosen?: string[];
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title="Draft a paper">
      <ErrorSummary errors={errors} />
      <h1>Draft a paper to government</h1>
      <p>
        Figures about members and outcomes are filled in from the network’s live records each time you save, with small
        numbers held back as everywhere else.
      </p>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={values.title} error={errors.title} />
        <TextInput
          name="addressee"
          label="Who it is for"
          hint="The review, inquiry or council consultation"
          value={values.addressee}
        />
        <TextArea name="whoWeAre" label="Who we are" value={values.whoWeAre} rows={4} />
        <Select
          name="consultation"
          label="Where the network agrees: from which consultation?"
          value={values.consultation}
          options={[
            { value: '', label: 'None' },
            ...consultations.map((c) => ({ value: c.row.id, label: c.row.title })),
          ]}
        />
        <Checkboxes
          name="voices"
          label="Voices: quotes to include"
          hint="Only words people agreed we may quote."
          options={quotable.slice(0, 60).map((w) => ({ value: w.id, label: `“${w.text}” — ${creditOf(w)}` }))}
          checked={(v) => chosen.includes(v)}
        />
        <TextArea
          name="recommendations"
          label="Recommendations"
          hint="One per line."
          value={values.recommendations}
          rows={6}
        />
        <Button>Save this version</Button>
      </form>
    </Layout>
  );
}

export function PaperPage({
  ctx,
  view,
  coordinator,
}: {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof loadPaper>>;
  coordinator: boolean;
}) {
  const { submission: s, content: c } = view;
  const draft = s.status === 'draft';
  return (
    <Layout ctx={ctx} title={c.title}>
      {draft && (
        <p class="tag tag-applicant">
          Draft, version {view.version} of {s.current_version}
        </p>
      )}
      <h1>{c.title}</h1>
      {c.addressee && <p class="lede">A submission to {c.addressee}</p>}
      <p>{endorsedBy(view.endorsers.map((e) => e.name))}</p>
      <ul class="downloads">
        <li>
          <a href={`/voice/submissions/${s.id}/paper.pdf${draft ? `?version=${view.version}` : ''}`}>
            Download as a PDF
          </a>
        </li>
        <li>
          <a href={`/voice/submissions/${s.id}/paper.docx${draft ? `?version=${view.version}` : ''}`}>
            Download as a Word document
          </a>
        </li>
      </ul>
      {paperSections(c).map((sec) => (
        <section>
          <h2>{sec.heading}</h2>
          {sec.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </section>
      ))}
      {draft && s.current_version > 1 && (
        <p>
          Earlier versions:{' '}
          {Array.from({ length: s.current_version }, (_, i) => i + 1).map((v) => (
            <>
              <a href={`/voice/submissions/${s.id}?version=${v}`}>{v}</a>{' '}
            </>
          ))}
        </p>
      )}
      {draft && view.comments.length > 0 && (
        <>
          <h2>Comments from members</h2>
          <ul class="voice-list">
            {view.comments.map((m) => (
              <li>
                <strong>{m.org_name}</strong> on version {m.version}, {formatDateTime(m.created_at)}: {m.body}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.canRespond && draft && (
        <form method="post" action={`/voice/submissions/${s.id}/comments`}>
          <CsrfField token={ctx.csrfToken()} />
          <TextArea name="body" label="Comment on this draft" rows={3} />
          <Button variant="secondary">Send comment</Button>
        </form>
      )}
      {view.canRespond && !view.endorsedByMine && (
        <form method="post" action={`/voice/submissions/${s.id}/endorse`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button>Endorse for my organisation</Button>
        </form>
      )}
      {coordinator && draft && (
        <>
          <p>
            <a href={`/network/voice/submissions/${s.id}/edit`}>Save a new version</a>
          </p>
          <form method="post" action={`/network/voice/submissions/${s.id}/publish`}>
            <CsrfField token={ctx.csrfToken()} />
            <Button variant="secondary">Publish</Button>
          </form>
        </>
      )}
    </Layout>
  );
}
