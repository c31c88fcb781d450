// The lead's pages for the organisation's directory entry: profile, services, one service.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { LocalAuthority } from '../domain/places.ts';
import { DAY_NAMES } from '../domain/schedule.describe.ts';
import { WEEKDAYS } from '../domain/schedule.ts';
import { SERVICE_TYPES } from '../domain/service-types.ts';
import { SERVICE_FIELD_ORDER, SIZE_BAND_LABEL, SIZE_BANDS } from '../directory.schemas.ts';
import { MODE_LABEL } from '../directory.views.tsx';

const crumbs = (org: OrgTarget, extra: { href: string; label: string }[] = []) => (
  <Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }, ...extra]} />
);
const errorTitle = (title: string, errors: FieldErrors) => (Object.keys(errors).length ? `Error: ${title}` : title);

export function ProfileEditPage(p: {
  ctx: PageContext;
  org: OrgTarget;
  values: Record<string, string>;
  errors?: FieldErrors;
  areasByRegion: { region: string; areas: LocalAuthority[] }[];
}) {
  const { ctx, org, values, errors = {} } = p;
  return (
    <Layout ctx={ctx} title={errorTitle('Your public profile', errors)} before={crumbs(org)}>
      <ErrorSummary
        errors={errors}
        order={[
          'name',
          'summary',
          'lived_experience',
          'founded_year',
          'size_band',
          'charity_number',
          'company_number',
          'website',
          'email',
          'phone',
          'social_links',
        ]}
      />
      <span class="caption">{org.name}</span>
      <h1>Your public profile</h1>
      <p>
        {org.status === 'member' ? (
          <>
            This is shown to everyone at <a href={`/organisations/${org.slug}`}>your public page</a>, and in the
            network's open data feed.
          </>
        ) : (
          'It will be shown to everyone once your organisation is a member of the network.'
        )}{' '}
        Don't put anyone's personal details here.
      </p>
      <p>
        <a href={`/orgs/${org.slug}/profile/logo`}>Add or change your logo</a>, for your profile and the cover of your
        evidence packs.
      </p>
      <form method="post" action={`/orgs/${org.slug}/profile`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="name" label="Organisation name" value={values.name} error={errors.name} />
        <TextArea
          name="summary"
          label="What you are, in your own words"
          value={values.summary}
          error={errors.summary}
        />
        <TextArea
          name="lived_experience"
          label="How lived experience leads your organisation"
          value={values.lived_experience}
          error={errors.lived_experience}
        />
        <TextInput
          name="founded_year"
          label="Year you started (optional)"
          inputMode="numeric"
          value={values.founded_year}
          error={errors.founded_year}
          width="short"
        />
        <Radios
          name="size_band"
          label="Size"
          value={values.size_band}
          error={errors.size_band}
          options={SIZE_BANDS.map((s) => ({ value: s, label: SIZE_BAND_LABEL[s] }))}
        />
        <TextInput
          name="charity_number"
          label="Charity number (optional)"
          value={values.charity_number}
          error={errors.charity_number}
          width="short"
        />
        <TextInput
          name="company_number"
          label="Company number (optional)"
          value={values.company_number}
          error={errors.company_number}
          width="short"
        />
        <TextInput
          name="website"
          label="Website (optional)"
          type="url"
          value={values.website}
          error={errors.website}
          spellcheck={false}
        />
        <TextInput
          name="email"
          label="Public email address (optional)"
          type="email"
          value={values.email}
          error={errors.email}
          spellcheck={false}
          width="medium"
        />
        <TextInput
          name="phone"
          label="Public phone number (optional)"
          type="tel"
          value={values.phone}
          error={errors.phone}
          width="medium"
        />
        <TextArea
          name="social_links"
          label="Social media links (optional)"
          hint="One per line, starting https://"
          value={values.social_links}
          error={errors.social_links}
          rows={3}
        />
        <h2>Areas you serve</h2>
        <p class="hint">
          Choose the local authorities where people can come to you. Open a region to see its authorities.
        </p>
        {p.areasByRegion.map((g, i) => {
          const chosen = g.areas.filter((a) => values[`area_${a.code}`]).length;
          return (
            <details open={chosen > 0}>
              <summary>
                {g.region}
                {chosen > 0 && ` (${chosen} chosen)`}
              </summary>
              <Checkboxes
                name={`areas-${i}`}
                nameFor={(v) => `area_${v}`}
                checked={(v) => !!values[`area_${v}`]}
                label={`Local authorities in ${g.region}`}
                options={g.areas.map((a) => ({ value: a.code, label: a.name }))}
              />
            </details>
          );
        })}
        <Button>Save profile</Button>
      </form>
    </Layout>
  );
}

export interface OwnServiceRow {
  id: string;
  name: string;
  mode: keyof typeof MODE_LABEL;
  status: string;
}

export function ServicesPage({ ctx, org, services }: { ctx: PageContext; org: OrgTarget; services: OwnServiceRow[] }) {
  return (
    <Layout ctx={ctx} title="Your services" before={crumbs(org)}>
      <span class="caption">{org.name}</span>
      <h1>Your services</h1>
      <p>
        What you offer, where and when. Active services of member organisations are shown on the map and in the open
        data feed.
      </p>
      <p>
        <a class="button button-primary" href={`/orgs/${org.slug}/services/new`}>
          Add a service
        </a>
      </p>
      <Table
        caption="Services"
        empty="You have not added any services yet."
        columns={[
          { header: 'Name', cell: (s: OwnServiceRow) => <a href={`/orgs/${org.slug}/services/${s.id}`}>{s.name}</a> },
          { header: 'How', cell: (s) => MODE_LABEL[s.mode] },
          { header: 'Running', cell: (s) => (s.status === 'active' ? 'Yes' : s.status) },
        ]}
        rows={services}
      />
    </Layout>
  );
}

export function ServiceFormPage(p: {
  ctx: PageContext;
  org: OrgTarget;
  serviceId: string | undefined;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, org, serviceId, values, errors = {} } = p;
  const action = serviceId ? `/orgs/${org.slug}/services/${serviceId}` : `/orgs/${org.slug}/services/new`;
  const title = serviceId ? `Change ${values.name || 'service'}` : 'Add a service';
  return (
    <Layout
      ctx={ctx}
      title={errorTitle(title, errors)}
      before={crumbs(org, [{ href: `/orgs/${org.slug}/services`, label: 'Your services' }])}
    >
      <ErrorSummary errors={errors} order={SERVICE_FIELD_ORDER} />
      <span class="caption">{org.name}</span>
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="name"
          label="Name"
          hint="For example: Tuesday peer support group"
          value={values.name}
          error={errors.name}
        />
        <TextArea name="description" label="What happens" value={values.description} error={errors.description} />
        <Checkboxes
          name="types"
          nameFor={(v) => `type_${v}`}
          checked={(v) => !!values[`type_${v}`]}
          label="Kind of support"
          hint="Choose all that apply."
          error={errors.types}
          options={SERVICE_TYPES.map((t) => ({ value: t.code, label: t.name }))}
        />
        <TextArea
          name="who_for"
          label="Who it is for (optional)"
          value={values.who_for}
          error={errors.who_for}
          rows={3}
        />
        <TextArea
          name="how_to_join"
          label="How to take part (optional)"
          hint="For example: just turn up, or call first."
          value={values.how_to_join}
          error={errors.how_to_join}
          rows={3}
        />
        <Radios
          name="mode"
          label="In person or online?"
          value={values.mode ?? 'in_person'}
          error={errors.mode}
          options={(['in_person', 'online', 'both'] as const).map((m) => ({ value: m, label: MODE_LABEL[m] }))}
        />
        <Radios
          name="status"
          label="Is it running?"
          value={values.status ?? 'active'}
          error={errors.status}
          options={[
            { value: 'active', label: 'Yes, it is running' },
            { value: 'temporarily closed', label: 'Paused for now' },
            { value: 'inactive', label: 'No, it has stopped' },
          ]}
        />
        <Radios
          name="free"
          label="Is it free?"
          inline
          value={values.free ?? 'yes'}
          error={errors.free}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
        <TextInput
          name="cost_note"
          label="About cost (optional)"
          hint="For example: £2 suggested donation for food"
          value={values.cost_note}
          error={errors.cost_note}
        />
        <TextInput
          name="url"
          label="Web page (optional)"
          type="url"
          value={values.url}
          error={errors.url}
          spellcheck={false}
        />
        <TextInput
          name="email"
          label="Email for this service (optional)"
          type="email"
          value={values.email}
          error={errors.email}
          width="medium"
          spellcheck={false}
        />
        <h2>Where</h2>
        <p class="hint">Needed unless it is online only.</p>
        <TextInput
          name="venue_name"
          label="Venue name (optional)"
          value={values.venue_name}
          error={errors.venue_name}
        />
        <TextInput name="address_1" label="Address" value={values.address_1} error={errors.address_1} />
        <TextInput name="town" label="Town or city" value={values.town} error={errors.town} width="medium" />
        <TextInput
          name="postcode"
          label="Postcode"
          value={values.postcode}
          error={errors.postcode}
          width="short"
          autocomplete="postal-code"
        />
        <div class="field">
          <div class="radio">
            <input
              type="checkbox"
              id="f-hide_address"
              name="hide_address"
              value="yes"
              checked={values.hide_address === 'yes'}
            />
            <label for="f-hide_address">
              Keep the street address private (for example, recovery housing). Only the postcode district is shown.
            </label>
          </div>
        </div>
        <TextArea
          name="accessibility"
          label="Access (optional)"
          hint="For example: step-free entrance, accessible toilet."
          value={values.accessibility}
          error={errors.accessibility}
          rows={2}
        />
        <h2>When</h2>
        <p class="hint">Times are UK time.</p>
        <Radios
          name="freq"
          label="How often?"
          inline
          value={values.freq ?? 'WEEKLY'}
          error={errors.freq}
          options={[
            { value: 'WEEKLY', label: 'Weekly' },
            { value: 'MONTHLY', label: 'Monthly' },
          ]}
        />
        <Checkboxes
          name="days"
          nameFor={(v) => `day_${v}`}
          checked={(v) => !!values[`day_${v}`]}
          label="Which days?"
          inline
          error={errors.days}
          options={WEEKDAYS.map((d) => ({ value: d, label: DAY_NAMES[d] }))}
        />
        <Select
          name="nth"
          label="For monthly: which week of the month?"
          value={values.nth ?? ''}
          error={errors.nth}
          options={[
            { value: '', label: 'Not monthly' },
            { value: '1', label: 'First' },
            { value: '2', label: 'Second' },
            { value: '3', label: 'Third' },
            { value: '4', label: 'Fourth' },
            { value: '-1', label: 'Last' },
          ]}
        />
        <TextInput
          name="opens_at"
          label="Starts at"
          hint="Like 6:30pm or 18:30"
          value={values.opens_at}
          error={errors.opens_at}
          width="short"
        />
        <TextInput
          name="closes_at"
          label="Finishes at"
          hint="Like 8pm or 20:00"
          value={values.closes_at}
          error={errors.closes_at}
          width="short"
        />
        <TextInput
          name="attending_type"
          label="How people attend (optional)"
          hint="For example: In person, or Online (Zoom)"
          value={values.attending_type}
          error={errors.attending_type}
          width="medium"
        />
        <TextInput
          name="link"
          label="Joining or booking link (optional)"
          type="url"
          value={values.link}
          error={errors.link}
          spellcheck={false}
        />
        <Button>Save service</Button>
      </form>
      {serviceId && (
        <form method="post" action={`/orgs/${org.slug}/services/${serviceId}/delete`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button variant="warning">Remove this service</Button>
        </form>
      )}
    </Layout>
  );
}
