// The sessions and volunteering page: record a session, log volunteer hours, see recent ones.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Pagination,
  Table,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { fieldId } from '../../../ui/components.tsx';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';
import { todayInUk } from '../../../platform/time.ts';

export interface ActivitiesView {
  org: OrgTarget;
  types: string[];
  sessions: {
    id: string;
    date: string;
    type: string;
    attendance: number;
    firstTimers: number | null;
    volunteers: number | null;
    volunteerHours: number | null;
  }[];
  page: number;
  pages: number;
  hours: { id: string; date: string; who: string; volunteers: number; hours: number; note: string }[];
  /** Leads and workers may change and delete sessions and hours; volunteers record them. */
  mayCorrect: boolean;
}

const today = () => todayInUk();
const dash = (n: number | null) => (n === null ? '—' : String(n));

export function ActivitiesPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: ActivitiesView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { org } = view;
  return (
    <EvidenceLayout ctx={ctx} title="Sessions and volunteering" crumbs={orgCrumbs(org)}>
      <ErrorSummary errors={errors} />
      <h1>Sessions and volunteering</h1>
      <h2 id="session">Record a session</h2>
      <form method="post" action={`/orgs/${org.slug}/activities`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <SessionFields types={view.types} errors={errors} values={values} />
        <Button>Save session</Button>
      </form>
      <Table
        caption="Sessions"
        empty="No sessions recorded yet."
        columns={[
          { header: 'Date', cell: (s: ActivitiesView['sessions'][number]) => ukDate(s.date) },
          { header: 'Activity', cell: (s) => s.type },
          { header: 'Came', cell: (s) => s.attendance, numeric: true },
          { header: 'First time', cell: (s) => dash(s.firstTimers), numeric: true },
          { header: 'Volunteers', cell: (s) => dash(s.volunteers), numeric: true },
          { header: 'Volunteer hours', cell: (s) => dash(s.volunteerHours), numeric: true },
          ...(view.mayCorrect
            ? [
                {
                  header: 'Change',
                  cell: (s: ActivitiesView['sessions'][number]) => (
                    <a href={`/orgs/${org.slug}/activities/${s.id}/edit`}>
                      Change<span class="visually-hidden"> {`${s.type} on ${ukDate(s.date)}`}</span>
                    </a>
                  ),
                },
              ]
            : []),
        ]}
        rows={view.sessions}
      />
      <Pagination page={view.page} pages={view.pages} hrefFor={(p) => `/orgs/${org.slug}/activities?page=${p}`} />

      <h2 id="hours">Log volunteer hours</h2>
      <p>For one volunteer (a name or initials), or for several at once.</p>
      <form method="post" action={`/orgs/${org.slug}/volunteer-hours`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <HoursFields errors={errors} values={values} />
        <Button>Save hours</Button>
      </form>
      <Table
        caption="Volunteer hours logged"
        empty="No hours logged yet."
        columns={[
          { header: 'Date', cell: (h: ActivitiesView['hours'][number]) => ukDate(h.date) },
          { header: 'Who', cell: (h) => h.who || `${h.volunteers} volunteer${h.volunteers === 1 ? '' : 's'}` },
          { header: 'Hours', cell: (h) => h.hours, numeric: true },
          { header: 'What', cell: (h) => h.note || '—' },
          ...(view.mayCorrect
            ? [
                {
                  header: 'Change',
                  cell: (h: ActivitiesView['hours'][number]) => (
                    <a href={`/orgs/${org.slug}/volunteer-hours/${h.id}/edit`}>
                      Change<span class="visually-hidden"> {`${h.hours} hours on ${ukDate(h.date)}`}</span>
                    </a>
                  ),
                },
              ]
            : []),
        ]}
        rows={view.hours}
      />
    </EvidenceLayout>
  );
}

type FormProps = { errors: FieldErrors; values: Record<string, string> };

/** A session's fields, the same when recording one and when correcting it. */
export function SessionFields({ types, errors, values }: FormProps & { types: string[] }) {
  const view = { types };
  return (
    <>
      <TextInput
        name="held_on"
        label="Date"
        type="date"
        value={values.held_on ?? today()}
        error={errors.held_on}
        width="short"
      />
      <div class={errors.activity_type ? 'field field-error' : 'field'}>
        <label class="label" for={fieldId('activity_type')}>
          Activity
        </label>
        <p class="hint" id={`${fieldId('activity_type')}-hint`}>
          Choose one of yours, or type a new one.
        </p>
        {errors.activity_type && (
          <p class="error-message" id={`${fieldId('activity_type')}-error`}>
            <span class="visually-hidden">Error:</span> {errors.activity_type}
          </p>
        )}
        <input
          class="input input-medium"
          id={fieldId('activity_type')}
          name="activity_type"
          list="activity-types"
          value={values.activity_type ?? ''}
          aria-describedby={`${fieldId('activity_type')}-hint`}
          autocomplete="off"
        />
        <datalist id="activity-types">
          {view.types.map((t) => (
            <option value={t} />
          ))}
        </datalist>
      </div>
      <TextInput
        name="attendance"
        label="How many came"
        type="text"
        inputMode="numeric"
        value={values.attendance}
        error={errors.attendance}
        width="short"
      />
      <TextInput
        name="first_time_attendees"
        label="How many were there for the first time (optional)"
        inputMode="numeric"
        value={values.first_time_attendees}
        error={errors.first_time_attendees}
        width="short"
      />
      <TextInput
        name="volunteers"
        label="Volunteers who helped (optional)"
        inputMode="numeric"
        value={values.volunteers}
        error={errors.volunteers}
        width="short"
      />
      <TextInput
        name="volunteer_hours"
        label="Their hours in total (optional)"
        hint="For example 7.5"
        inputMode="decimal"
        value={values.volunteer_hours}
        error={errors.volunteer_hours}
        width="short"
      />
    </>
  );
}

/** Volunteer hours' fields (named vh_…, so their errors never clash with a session's). */
export function HoursFields({ errors, values }: FormProps) {
  return (
    <>
      <TextInput
        name="vh_worked_on"
        label="Date"
        type="date"
        value={values.vh_worked_on ?? today()}
        error={errors.vh_worked_on}
        width="short"
      />
      <TextInput
        name="vh_volunteer_label"
        label="Volunteer's name or initials (optional)"
        value={values.vh_volunteer_label}
        error={errors.vh_volunteer_label}
        width="medium"
      />
      <TextInput
        name="vh_volunteers"
        label="How many volunteers"
        inputMode="numeric"
        value={values.vh_volunteers ?? '1'}
        error={errors.vh_volunteers}
        width="short"
      />
      <TextInput
        name="vh_hours"
        label="Hours in total"
        hint="For example 3.5"
        inputMode="decimal"
        value={values.vh_hours}
        error={errors.vh_hours}
        width="short"
      />
      <TextInput name="vh_note" label="What they did (optional)" value={values.vh_note} error={errors.vh_note} />
    </>
  );
}
