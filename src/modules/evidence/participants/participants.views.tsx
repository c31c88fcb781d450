// Pages for participants: the list, adding one, one person's page, erasure.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Pagination,
  Radios,
  Select,
  SummaryList,
  Table,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';
import { AGE_BAND_OPTIONS, ETHNICITIES, GENDERS, SUBSTANCES, TIME_POINTS } from '../evidence.schemas.ts';
import { CONSENT_WORDING } from './participants.service.ts';
import { todayInUk } from '../../../platform/time.ts';
import type { MeasureProgress } from '../domain/progress.ts';
import { ProgressSection } from './progress.views.tsx';

type Values = Record<string, string>;

export interface ParticipantListView {
  org: OrgTarget;
  rows: {
    id: string;
    code: string;
    firstName: string;
    consentRecord: boolean;
    consentNetwork: boolean;
    lastAssessedOn: string | null;
  }[];
  page: number;
  pages: number;
  total: number;
  q: string | undefined;
}

export function ParticipantsPage({ ctx, view }: { ctx: PageContext; view: ParticipantListView }) {
  const base = `/orgs/${view.org.slug}/participants`;
  const query = (p: number) => `${base}?${new URLSearchParams({ ...(view.q ? { q: view.q } : {}), page: String(p) })}`;
  return (
    <EvidenceLayout ctx={ctx} title="Participants" crumbs={orgCrumbs(view.org)}>
      <h1>Participants</h1>
      <p>
        <a class="button button-primary" href={`${base}/new`}>
          Add a participant
        </a>
      </p>
      <form method="get" action={base} class="filter-form" role="search">
        <TextInput name="q" label="Find by code or first name" type="search" value={view.q} width="medium" />
        <Button variant="secondary">Search</Button>
      </form>
      <Table
        caption={view.q ? `${view.total} found for “${view.q}”` : `${view.total} participants`}
        empty={view.q ? `Nobody matches “${view.q}”.` : 'Nobody has been added yet.'}
        columns={[
          {
            header: 'Participant',
            cell: (r: ParticipantListView['rows'][number]) => (
              <>
                <a href={`${base}/${r.id}`}>{r.code}</a>
                {r.firstName && ` ${r.firstName}`}
              </>
            ),
          },
          {
            header: 'Consent',
            cell: (r) =>
              r.consentRecord ? (r.consentNetwork ? 'Record and network' : 'Record only') : 'No record consent',
          },
          { header: 'Last questionnaire', cell: (r) => (r.lastAssessedOn ? ukDate(r.lastAssessedOn) : 'None yet') },
        ]}
        rows={view.rows}
      />
      <Pagination page={view.page} pages={view.pages} hrefFor={query} />
    </EvidenceLayout>
  );
}

const NEW_ORDER = [
  'code',
  'first_name',
  'consent_record',
  'consent_network',
  'consent_contact',
  'consent_date',
  'age_band',
  'gender',
  'ethnicity',
  'local_authority',
];
const yesNoOptions = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function NewParticipantPage({
  ctx,
  org,
  errors = {},
  values = {},
  substances = [],
}: {
  ctx: PageContext;
  org: OrgTarget;
  errors?: FieldErrors;
  values?: Values;
  substances?: string[];
}) {
  return (
    <EvidenceLayout
      ctx={ctx}
      title="Add a participant"
      crumbs={orgCrumbs(org, { href: `/orgs/${org.slug}/participants`, label: 'Participants' })}
    >
      <ErrorSummary errors={errors} order={NEW_ORDER} />
      <h1>Add a participant</h1>
      <p>
        People are known here by a code, not their full name. Only add someone who has agreed to a record being kept.
      </p>
      <form method="post" action={`/orgs/${org.slug}/participants`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="code"
          label="Code (optional)"
          hint="Leave blank and we'll make one. If you already use codes, type theirs."
          value={values.code}
          error={errors.code}
          width="short"
          spellcheck={false}
          autocomplete="off"
        />
        <TextInput
          name="first_name"
          label="First name or nickname (optional)"
          value={values.first_name}
          error={errors.first_name}
          width="medium"
          autocomplete="off"
        />
        <h2>Consent</h2>
        <Radios
          name="consent_record"
          label={CONSENT_WORDING.record.label}
          hint={CONSENT_WORDING.record.text}
          options={yesNoOptions}
          value={values.consent_record}
          error={errors.consent_record}
          inline
        />
        <Radios
          name="consent_network"
          label={CONSENT_WORDING.network.label}
          hint={CONSENT_WORDING.network.text}
          options={yesNoOptions}
          value={values.consent_network}
          error={errors.consent_network}
          inline
        />
        <Radios
          name="consent_contact"
          label={CONSENT_WORDING.contact.label}
          hint={CONSENT_WORDING.contact.text}
          options={yesNoOptions}
          value={values.consent_contact}
          error={errors.consent_contact}
          inline
        />
        <TextInput
          name="consent_date"
          label="Date they agreed"
          hint="For example 27/03/2026"
          type="date"
          value={values.consent_date ?? todayInUk()}
          error={errors.consent_date}
          width="short"
        />
        <h2>About them (optional)</h2>
        <p>Only if they are happy to say. This helps show who the organisation reaches.</p>
        <Select
          name="age_band"
          label="Age"
          options={[{ value: '', label: 'Not given' }, ...AGE_BAND_OPTIONS]}
          value={values.age_band}
          error={errors.age_band}
        />
        <Select
          name="gender"
          label="Gender"
          options={[{ value: '', label: 'Not given' }, ...GENDERS.map((g) => ({ value: g, label: g }))]}
          value={values.gender}
          error={errors.gender}
        />
        <Select
          name="ethnicity"
          label="Ethnic group"
          options={[{ value: '', label: 'Not given' }, ...ETHNICITIES.map((g) => ({ value: g, label: g }))]}
          value={values.ethnicity}
          error={errors.ethnicity}
        />
        <Checkboxes
          name="main_substances"
          label="Main substances or behaviours"
          hint="Choose any that apply."
          options={SUBSTANCES.map((v) => ({ value: v, label: v }))}
          checked={(v) => substances.includes(v)}
        />
        <TextInput
          name="local_authority"
          label="Local authority where they live"
          value={values.local_authority}
          error={errors.local_authority}
          width="medium"
        />
        <Button>Add participant</Button>
      </form>
    </EvidenceLayout>
  );
}

export interface ParticipantView {
  org: OrgTarget;
  participant: {
    id: string;
    code: string;
    firstName: string;
    /** Only the details the viewer's role may see (see participantFieldsFor in the policy). */
    details: { ageBand?: string; gender?: string; ethnicity?: string; substances?: string[]; localAuthority?: string };
    consent: { record: boolean; network: boolean; contact: boolean };
    addedOn: Date;
  };
  consents: {
    kind: 'record' | 'network' | 'contact';
    given: boolean;
    decidedOn: string;
    wordingVersion: string;
    recordedBy: string;
  }[];
  assessments: {
    id: string;
    instrument: string;
    date: string;
    timePoint: string;
    source: string;
    scores: { name: string; score: number; band: string | null; lowerIsBetter: boolean }[];
  }[];
  /** Their scores over time, a series per measure (see domain/progress.ts). */
  progress: MeasureProgress[];
  instruments: { key: string; name: string }[];
  links: { instrument: string; createdAt: Date; expiresAt: Date; usedAt: Date | null }[];
  canErase: boolean;
  canExport: boolean;
  /** Leads and workers delete and restore questionnaires; volunteers only record them. */
  canDelete: boolean;
  /** Deleted in the last 30 days, so they can still be put back. */
  deleted: { id: string; instrument: string; date: string; timePoint: string; deletedAt: Date; restoreUntil: Date }[];
}

/** The details rows the viewer may see: a detail left out of the view model is left out here. */
function detailRows(d: ParticipantView['participant']['details']): { key: string; value: string }[] {
  const rows: { key: string; value: string }[] = [];
  if (d.ageBand !== undefined)
    rows.push({ key: 'Age', value: AGE_BAND_OPTIONS.find((a) => a.value === d.ageBand)?.label ?? 'Not given' });
  if (d.gender !== undefined) rows.push({ key: 'Gender', value: d.gender || 'Not given' });
  if (d.ethnicity !== undefined) rows.push({ key: 'Ethnic group', value: d.ethnicity || 'Not given' });
  if (d.substances !== undefined)
    rows.push({ key: 'Main substances or behaviours', value: d.substances.join(', ') || 'Not given' });
  if (d.localAuthority !== undefined) rows.push({ key: 'Local authority', value: d.localAuthority || 'Not given' });
  return rows;
}

const SOURCE_LABEL: Record<string, string> = {
  staff: 'Entered by staff',
  self: 'Filled in by them',
  import: 'Imported',
  demo: 'Demo data',
};

export function ParticipantPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: ParticipantView;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { org, participant: p } = view;
  const base = `/orgs/${org.slug}/participants/${p.id}`;
  const consentState = (given: boolean) => (given ? 'Yes' : 'No');
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Participant ${p.code}`}
      crumbs={orgCrumbs(org, { href: `/orgs/${org.slug}/participants`, label: 'Participants' })}
    >
      <ErrorSummary
        errors={errors}
        order={['kind', 'decision', 'decided_on', 'instrument', 'time_point', 'time_point_other']}
      />
      <span class="caption">Participant</span>
      <h1>
        {p.code}
        {p.firstName && ` – ${p.firstName}`}
      </h1>
      {!p.consent.record && (
        <NotificationBanner kind="warning" title="No consent to keep a record">
          <p>
            Nothing new can be recorded for {p.code}.{' '}
            {view.canErase
              ? 'If they have asked, erase their record below.'
              : 'Ask your lead whether their record should be erased.'}
          </p>
        </NotificationBanner>
      )}

      <h2 id="record">Record a questionnaire</h2>
      {p.consent.record ? (
        <ul>
          {view.instruments.map((i) => (
            <li>
              <a href={`${base}/assessments/new?instrument=${encodeURIComponent(i.key)}`}>
                Record {i.name} for {p.code}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Record consent first.</p>
      )}

      {view.progress.length > 0 && (
        <>
          <h2 id="progress">How their scores have changed</h2>
          <ProgressSection progress={view.progress} idPrefix="progress" />
          <p>
            <a href={`${base}/progress`}>A one-page report of their progress, to print or give them</a>
          </p>
        </>
      )}

      <h2 id="history">Questionnaires</h2>
      {view.assessments.length === 0 ? (
        <p class="empty">No questionnaires yet.</p>
      ) : (
        <ul class="history">
          {view.assessments.map((a) => (
            <li class="history-item">
              <h3 class="history-title">
                {a.instrument}, {ukDate(a.date)}
                {a.timePoint && ` (${a.timePoint})`}
              </h3>
              <ul class="score-list">
                {a.scores.map((sc) => (
                  <li>
                    {sc.name}: <strong>{sc.score}</strong>
                    {sc.band && ` (${sc.band})`}
                    {sc.lowerIsBetter && <span class="hint"> lower is better</span>}
                  </li>
                ))}
              </ul>
              <p class="hint">{SOURCE_LABEL[a.source] ?? a.source}</p>
              {view.canDelete && (
                <p class="inline-actions">
                  <a href={`${base}/assessments/${a.id}/correct`}>
                    Correct
                    <span class="visually-hidden">
                      {' '}
                      {a.instrument} of {ukDate(a.date)}
                    </span>
                  </a>{' '}
                  <a href={`${base}/assessments/${a.id}/delete`}>
                    Delete
                    <span class="visually-hidden">
                      {' '}
                      {a.instrument} of {ukDate(a.date)}
                    </span>
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}

      {view.canDelete && view.deleted.length > 0 && (
        <>
          <h2 id="deleted">Deleted in the last 30 days</h2>
          <p>
            These questionnaires are not counted anywhere. You can put one back until the date shown; after that it is
            removed for good.
          </p>
          <ul class="history">
            {view.deleted.map((d) => (
              <li class="history-item">
                <p>
                  <strong>
                    {d.instrument}, {ukDate(d.date)}
                    {d.timePoint && ` (${d.timePoint})`}
                  </strong>
                  <br />
                  Deleted {ukDate(d.deletedAt)}. Can be restored until {ukDate(d.restoreUntil)}.
                </p>
                <form method="post" action={`${base}/assessments/${d.id}/restore`} class="inline-form">
                  <CsrfField token={ctx.csrfToken()} />
                  <button type="submit" class="button button-secondary">
                    Restore
                    <span class="visually-hidden">
                      {' '}
                      {d.instrument} of {ukDate(d.date)}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}

      {p.consent.record && view.instruments.length > 0 && (
        <>
          <h2 id="link">Let them fill it in on their phone</h2>
          <p>
            Make a link and QR code for {p.code}. It works once, for 7 days, and needs no account. Their name is not
            shown on it.
          </p>
          <form method="post" action={`${base}/links`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Radios
              name="instrument"
              label="Questionnaire"
              options={view.instruments.map((i) => ({ value: i.key, label: i.name }))}
              value={values.instrument ?? view.instruments[0]?.key}
              error={errors.instrument}
            />
            <Radios
              name="time_point"
              label="Time point"
              options={[{ value: 'none', label: 'None' }, ...TIME_POINTS]}
              value={values.time_point ?? 'none'}
              error={errors.time_point}
              inline
            />
            <TextInput
              name="time_point_other"
              label="If something else, what?"
              hint="For example 3 months"
              value={values.time_point_other}
              error={errors.time_point_other}
              width="short"
            />
            <Button variant="secondary">Make a link</Button>
          </form>
          {view.links.length > 0 && (
            <Table
              caption="Links made"
              columns={[
                { header: 'Questionnaire', cell: (l: ParticipantView['links'][number]) => l.instrument },
                { header: 'Made', cell: (l) => ukDate(l.createdAt) },
                {
                  header: 'State',
                  cell: (l) => (l.usedAt ? `Used ${ukDate(l.usedAt)}` : `Works until ${ukDate(l.expiresAt)}`),
                },
              ]}
              rows={view.links}
            />
          )}
        </>
      )}

      <h2 id="consent">Consent</h2>
      <SummaryList
        items={[
          { key: CONSENT_WORDING.record.label, value: consentState(p.consent.record) },
          { key: CONSENT_WORDING.network.label, value: consentState(p.consent.network) },
          { key: CONSENT_WORDING.contact.label, value: consentState(p.consent.contact) },
        ]}
      />
      <details>
        <summary>Record a consent decision</summary>
        <form method="post" action={`${base}/consents`} novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <Radios
            name="kind"
            label="Which consent"
            options={(['record', 'network', 'contact'] as const).map((k) => ({
              value: k,
              label: CONSENT_WORDING[k].label,
              hint: CONSENT_WORDING[k].text,
            }))}
            value={values.kind}
            error={errors.kind}
          />
          <Radios
            name="decision"
            label="Their decision"
            options={[
              { value: 'given', label: 'They agree' },
              { value: 'withdrawn', label: 'They withdraw or do not agree' },
            ]}
            value={values.decision}
            error={errors.decision}
            inline
          />
          <TextInput
            name="decided_on"
            label="Date of their decision"
            type="date"
            value={values.decided_on ?? todayInUk()}
            error={errors.decided_on}
            width="short"
          />
          <Button variant="secondary">Save decision</Button>
        </form>
      </details>
      <Table
        caption="Consent history"
        columns={[
          { header: 'Date', cell: (c: ParticipantView['consents'][number]) => ukDate(c.decidedOn) },
          {
            header: 'Decision',
            cell: (c) => (
              <>
                {CONSENT_WORDING[c.kind].label}: {c.given ? 'agreed' : 'withdrawn or declined'}
                <span class="hint"> (wording {c.wordingVersion})</span>
              </>
            ),
          },
          { header: 'Recorded by', cell: (c) => c.recordedBy },
        ]}
        rows={view.consents}
      />

      <h2 id="details">About them</h2>
      <SummaryList
        items={[
          { key: 'Code', value: p.code },
          { key: 'First name or nickname', value: p.firstName || 'Not given' },
          ...detailRows(p.details),
          { key: 'Added', value: ukDate(p.addedOn) },
        ]}
      />
      {(view.canExport || view.canErase) && (
        <>
          <h2 id="their-data">Their data</h2>
          <ul>
            {view.canExport && (
              <li>
                <a href={`${base}/export`}>Download everything held about {p.code}</a> (for a subject access request)
              </li>
            )}
            {view.canErase && (
              <li>
                <a href={`${base}/erase`}>Erase {p.code} and everything about them</a>
              </li>
            )}
          </ul>
        </>
      )}
    </EvidenceLayout>
  );
}

export function ErasePage({
  ctx,
  org,
  participant,
  error,
}: {
  ctx: PageContext;
  org: OrgTarget;
  participant: { id: string; code: string };
  error?: string;
}) {
  const base = `/orgs/${org.slug}/participants/${participant.id}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Erase ${participant.code}`}
      crumbs={orgCrumbs(
        org,
        { href: `/orgs/${org.slug}/participants`, label: 'Participants' },
        { href: base, label: participant.code },
      )}
    >
      <ErrorSummary errors={error ? { confirm_code: error } : {}} />
      <h1>Erase {participant.code}</h1>
      <p>
        This deletes {participant.code}, their consent records, every questionnaire and every link made for them. It
        cannot be undone.
      </p>
      <p>If they have agreed to be in network evidence, they leave every network figure from now on.</p>
      <form method="post" action={`${base}/erase`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="confirm_code"
          label={`Type ${participant.code} to confirm`}
          error={error}
          width="short"
          autocomplete="off"
          spellcheck={false}
        />
        <Button variant="warning">Erase for good</Button>
      </form>
      <p>
        <a href={base}>Keep {participant.code} and go back</a>
      </p>
    </EvidenceLayout>
  );
}

/** Asks before deleting a questionnaire, naming it and saying it can be restored for 30 days. */
export function DeleteAssessmentPage({
  ctx,
  org,
  participant,
  assessment,
}: {
  ctx: PageContext;
  org: OrgTarget;
  participant: { id: string; code: string };
  assessment: { id: string; instrument: string; date: string; timePoint: string };
}) {
  const base = `/orgs/${org.slug}/participants/${participant.id}`;
  const what = `${assessment.instrument} of ${ukDate(assessment.date)}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Delete ${what}`}
      crumbs={orgCrumbs(
        org,
        { href: `/orgs/${org.slug}/participants`, label: 'Participants' },
        { href: base, label: participant.code },
      )}
    >
      <h1>
        Delete {what} from {participant.code}?
      </h1>
      <p class="lede">
        It stops counting in every figure straight away
        {assessment.timePoint ? ` (it was the ${assessment.timePoint} questionnaire)` : ''}. You can restore it within
        30 days from {participant.code}'s page; after that it is removed for good.
      </p>
      <form method="post" action={`${base}/assessments/${assessment.id}/delete`}>
        <CsrfField token={ctx.csrfToken()} />
        <div class="button-row">
          <Button variant="warning">Yes, delete it</Button>
          <a href={`${base}#history`}>No, keep it and go back</a>
        </div>
      </form>
    </EvidenceLayout>
  );
}
