// Public pages of the directory: find support, an organisation's profile, a local authority's
// list and the coverage map. View models only; every text is escaped by Preact.
import { UpcomingEvents, type UpcomingEvent } from '../events/index.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Pagination,
  Select,
  SummaryList,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { HelpNow, telHref, type HelpNowLine } from '../../ui/help-now.tsx';
import { formatDate } from '../../ui/format.ts';
import { CoverageTable, HexMap } from './directory.hexmap.tsx';
import { DAY_NAMES } from './domain/schedule.describe.ts';
import { WEEKDAYS } from './domain/schedule.ts';
import { SERVICE_TYPES, serviceTypeByCode, type ServiceTypeCode } from './domain/service-types.ts';
import { distanceText, SafeLink } from './directory.fields.tsx';
import { SIZE_BAND_LABEL, type ServiceMode } from './directory.schemas.ts';
import type { SearchHit } from './directory.service.ts';
import type { FindSupportOutcome, OnlineEntry } from './find-support.service.ts';
import type { PlaceChoice } from './domain/search-place.ts';

const sessionStart = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});
/** "Monday 7 December, 10:00 am" in UK time. */
const formatSessionStart = (d: Date): string => sessionStart.format(d).replace(/ at /, ', ');

export const MODE_LABEL: Record<ServiceMode, string> = {
  in_person: 'In person',
  online: 'Online',
  both: 'In person and online',
};

function TypeList({ types }: { types: readonly ServiceTypeCode[] }) {
  if (types.length === 0) return null;
  return <p class="hint">{types.map((t) => serviceTypeByCode(t).name).join(' · ')}</p>;
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li class="card">
      <h3 class="card-title">
        <a href={`/organisations/${hit.org.slug}#service-${hit.id}`}>{hit.name}</a>
      </h3>
      <p>
        {hit.org.name}
        {' · '}
        {MODE_LABEL[hit.mode]}
        {hit.distanceKm !== null && <> · {distanceText(hit.distanceKm)}</>}
        {hit.distanceKm === null && hit.mode !== 'in_person' && <> · join from anywhere</>}
      </p>
      <TypeList types={hit.types} />
      {hit.venue && (
        <p>
          {[hit.venue.name, hit.venue.address, hit.venue.town, hit.venue.postcodeDistrict].filter(Boolean).join(', ')}
        </p>
      )}
      {hit.times.map((t) => (
        <p>{t}</p>
      ))}
      <p>{hit.free ? `Free${hit.costNote ? ` (${hit.costNote})` : ''}` : hit.costNote || 'There may be a cost'}</p>
    </li>
  );
}

export interface FindSupportView {
  values: Record<string, string>;
  errors: FieldErrors;
  outcome: FindSupportOutcome | undefined;
  hrefFor: (page: number) => string;
  /** The same search with other values, e.g. a wider distance or a chosen place. */
  hrefWith: (changes: Record<string, string>) => string;
  helpNow: HelpNowLine[];
}

const RADIUS_OPTIONS = [
  { value: '5', label: 'Within 3 miles' },
  { value: '10', label: 'Within 6 miles' },
  { value: '25', label: 'Within 15 miles' },
  { value: '50', label: 'Within 30 miles' },
  { value: '100', label: 'Within 60 miles' },
];

function OnlineHit({ entry }: { entry: OnlineEntry }) {
  const { hit, offeredBy } = entry;
  return (
    <li class="card">
      <h4 class="card-title">
        <a href={`/organisations/${hit.org.slug}#service-${hit.id}`}>{hit.name}</a>
      </h4>
      <p>{hit.description}</p>
      <p>
        {offeredBy.length === 1 ? 'Run by ' : 'Run by each of '}
        {offeredBy.map((o, i) => (
          <>
            {i > 0 && (i === offeredBy.length - 1 ? ' and ' : ', ')}
            <a href={`/organisations/${o.slug}#service-${o.serviceId}`}>{o.name}</a>
          </>
        ))}
        . Join from anywhere.
      </p>
      {hit.times.map((t) => (
        <p>{t}</p>
      ))}
      <p>{hit.free ? `Free${hit.costNote ? ` (${hit.costNote})` : ''}` : hit.costNote || 'There may be a cost'}</p>
    </li>
  );
}

function PlaceChoices({
  choices,
  hrefWith,
  label,
}: {
  choices: PlaceChoice[];
  hrefWith: FindSupportView['hrefWith'];
  label: string;
}) {
  return (
    <ul class="choice-list" aria-label={label}>
      {choices.map((c) => (
        <li>
          <a href={hrefWith({ near: c.near, page: '' })}>{c.label}</a>
        </li>
      ))}
    </ul>
  );
}

function Results({
  outcome,
  view,
}: {
  outcome: Extract<FindSupportOutcome, { kind: 'results' }>;
  view: FindSupportView;
}) {
  const { point, inPerson, online, wider, miles } = outcome;
  const near = point ? ` within ${miles} miles of ${point.label}` : '';
  return (
    <section aria-labelledby="results">
      <h2 id="results">{point ? `Support near ${point.label}` : 'Support in our network'}</h2>
      {outcome.alternatives.length > 0 && (
        <details class="hint">
          <summary>Not the {point?.short} you meant?</summary>
          <PlaceChoices
            choices={outcome.alternatives}
            hrefWith={view.hrefWith}
            label={`Other places called ${point?.short ?? ''}`}
          />
        </details>
      )}
      {inPerson.shown && (
        <>
          <h3 id="in-person">
            {inPerson.total === 0
              ? point
                ? `Nothing in person${near}`
                : 'Nothing in person matched'
              : `${inPerson.total} in person${near}`}
          </h3>
          {point && inPerson.total > 0 && <p class="hint">Nearest first. {point.measuredFrom}</p>}
          {inPerson.total === 0 && wider && (
            <p>
              There {wider.count === 1 ? 'is 1 group or service' : `are ${wider.count} groups and services`} meeting in
              person within {wider.miles} miles.{' '}
              <a href={view.hrefWith({ radius_km: String(wider.radiusKm), page: '' })}>
                Show support within {wider.miles} miles
              </a>
            </p>
          )}
          {inPerson.total === 0 && !wider && (
            <p class="empty">Nothing matched. Try any day, any kind of support, or fewer words.</p>
          )}
          {inPerson.hits.length > 0 && (
            <ol class="cards" aria-labelledby="in-person">
              {inPerson.hits.map((h) => (
                <Hit hit={h} />
              ))}
            </ol>
          )}
          <Pagination page={inPerson.page} pages={inPerson.pages} hrefFor={view.hrefFor} />
        </>
      )}
      {online.shown && inPerson.page === 1 && (
        <>
          <h3 id="online">{inPerson.shown ? 'You can also join these online' : 'Support you can join online'}</h3>
          {online.entries.length === 0 ? (
            <p class="empty">Nothing online matched.</p>
          ) : (
            <ul class="cards" aria-labelledby="online">
              {online.entries.map((e) => (
                <OnlineHit entry={e} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function FindSupportPage({ ctx, view }: { ctx: PageContext; view: FindSupportView }) {
  const { values, errors, outcome } = view;
  const problem = outcome?.kind === 'problem' ? outcome.message : undefined;
  const allErrors = problem ? { ...errors, near: problem } : errors;
  const title =
    outcome?.kind === 'results' && outcome.point ? `Find support near ${outcome.point.label}` : 'Find support';
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary errors={allErrors} order={['near', 'radius_km', 'type', 'day', 'mode', 'q']} />
      <h1>Find support near you</h1>
      <p class="lede">
        Groups, cafés and support run by people in recovery from drug and alcohol problems. Everything here is free to
        find, and most of it is free to join.
      </p>
      {outcome?.kind === 'choose' && (
        <section aria-labelledby="which-place" class="panel">
          <h2 id="which-place">Which one do you mean?</h2>
          <p>{outcome.message}</p>
          <PlaceChoices choices={outcome.choices} hrefWith={view.hrefWith} label="Places with this name" />
        </section>
      )}
      <form method="get" action="/find-support" class="filter-form">
        <TextInput
          name="near"
          label="Postcode or town"
          hint="For example LS6 3HN, LS6 or Leeds"
          value={values.near}
          error={allErrors.near}
          width="medium"
          autocomplete="postal-code"
          spellcheck={false}
        />
        <Select
          name="radius_km"
          label="Distance"
          value={values.radius_km ?? '25'}
          error={allErrors.radius_km}
          options={RADIUS_OPTIONS}
        />
        <Select
          name="type"
          label="Kind of support"
          value={values.type ?? ''}
          error={allErrors.type}
          options={[{ value: '', label: 'Any kind' }, ...SERVICE_TYPES.map((t) => ({ value: t.code, label: t.name }))]}
        />
        <Select
          name="day"
          label="Day"
          value={values.day ?? ''}
          error={allErrors.day}
          options={[{ value: '', label: 'Any day' }, ...WEEKDAYS.map((d) => ({ value: d, label: DAY_NAMES[d] }))]}
        />
        <Select
          name="mode"
          label="In person or online"
          value={values.mode ?? ''}
          error={allErrors.mode}
          options={[
            { value: '', label: 'Either' },
            { value: 'in_person', label: 'In person' },
            { value: 'online', label: 'Online' },
          ]}
        />
        <TextInput
          name="q"
          label="Words to look for (optional)"
          type="search"
          value={values.q}
          error={allErrors.q}
          width="medium"
        />
        <Button>Search</Button>
      </form>
      {outcome?.kind === 'problem' && (
        <p>
          <a href="/find-support?mode=online">See support you can join online from anywhere</a>
        </p>
      )}
      {outcome?.kind === 'results' && <Results outcome={outcome} view={view} />}
      <HelpNow lines={view.helpNow} />
      <p>
        Developers and council directories: the same search is available as JSON at <code>/api/v1/directory</code>, and
        the whole directory as an <a href="/oruk">Open Referral UK feed</a>.
      </p>
    </Layout>
  );
}

export interface ProfileView {
  slug: string;
  name: string;
  summary: string;
  town: string;
  region: string;
  sizeBand: string;
  founded: number | null;
  charityNumber: string;
  companyNumber: string;
  website: string;
  email: string;
  phone: string;
  socialLinks: string[];
  livedExperience: string;
  areas: { name: string; slug: string }[];
  /** Recognition and the like, from other modules. */
  marks: { label: string; detail: string; href: string }[];
  lastUpdated: Date | null;
  /** Their logo, when they have added one. */
  logo?: { src: string; width: number; height: number } | undefined;
  helpNow: HelpNowLine[];
  upcomingEvents: UpcomingEvent[];
  services: {
    id: string;
    name: string;
    description: string;
    whoFor: string;
    howToJoin: string;
    mode: ServiceMode;
    free: boolean;
    costNote: string;
    url: string;
    types: ServiceTypeCode[];
    venues: { name: string; address: string; town: string; postcodeDistrict: string; mapHref?: string }[];
    times: { text: string; attending: string }[];
    nextSession: Date | null;
  }[];
}

export function ProfilePage({ ctx, view }: { ctx: PageContext; view: ProfileView }) {
  const details = [
    { key: 'Where', value: [view.town, view.region].filter(Boolean).join(', ') || 'Not given' },
    { key: 'Size', value: SIZE_BAND_LABEL[view.sizeBand as keyof typeof SIZE_BAND_LABEL] ?? 'Not given' },
    ...(view.founded ? [{ key: 'Started', value: String(view.founded) }] : []),
    ...(view.charityNumber ? [{ key: 'Charity number', value: view.charityNumber }] : []),
    ...(view.companyNumber ? [{ key: 'Company number', value: view.companyNumber }] : []),
    ...(view.website ? [{ key: 'Website', value: <SafeLink href={view.website} /> }] : []),
    ...(view.email ? [{ key: 'Email', value: <a href={`mailto:${view.email}`}>{view.email}</a> }] : []),
    ...(view.phone ? [{ key: 'Phone', value: <a href={telHref(view.phone)}>{view.phone}</a> }] : []),
    ...(view.socialLinks.length
      ? [
          {
            key: 'Social media',
            value: (
              <ul class="inline-list">
                {view.socialLinks.map((l) => (
                  <li>
                    <SafeLink href={l} />
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(view.areas.length
      ? [
          {
            key: 'Areas served',
            value: (
              <ul class="inline-list">
                {view.areas.map((a) => (
                  <li>
                    <a href={`/areas/${a.slug}`}>{a.name}</a>
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
  ];
  return (
    <Layout
      ctx={ctx}
      title={view.name}
      before={<Breadcrumbs items={[{ href: '/our-network', label: 'Our network' }]} />}
    >
      {view.logo && (
        <img
          class="org-logo"
          src={view.logo.src}
          alt={`${view.name} logo`}
          width={view.logo.width}
          height={view.logo.height}
        />
      )}
      <span class="caption">Member organisation</span>
      <h1>{view.name}</h1>
      {view.summary && <p class="lede">{view.summary}</p>}
      {view.marks.map((m) => (
        <div class="mark">
          <p>
            <strong>{m.label}</strong>
          </p>
          <p>
            {m.detail} <a href={m.href}>What this means</a>
          </p>
        </div>
      ))}
      {view.livedExperience && (
        <>
          <h2>Led by lived experience</h2>
          <p>{view.livedExperience}</p>
        </>
      )}
      <SummaryList items={details} />
      <h2>What we offer</h2>
      {view.services.length === 0 && <p class="empty">No services are listed yet.</p>}
      {view.services.map((s) => (
        <section class="card" id={`service-${s.id}`} aria-labelledby={`service-${s.id}-name`}>
          <h3 class="card-title" id={`service-${s.id}-name`}>
            {s.name}
          </h3>
          <TypeList types={s.types} />
          <p>{s.description}</p>
          <SummaryList
            items={[
              { key: 'How', value: MODE_LABEL[s.mode] },
              ...s.times.map((t) => ({ key: 'When', value: t.attending ? `${t.text}. ${t.attending}` : t.text })),
              ...(s.nextSession ? [{ key: 'Next session', value: formatSessionStart(s.nextSession) }] : []),
              ...s.venues.map((v) => ({
                key: 'Where',
                value: (
                  <>
                    {[v.name, v.address, v.town, v.postcodeDistrict].filter(Boolean).join(', ')}
                    {v.mapHref && (
                      <>
                        {' '}
                        <a href={v.mapHref}>
                          Map<span class="visually-hidden"> of {v.name}</span>
                        </a>
                      </>
                    )}
                  </>
                ),
              })),
              ...(s.whoFor ? [{ key: 'Who it is for', value: s.whoFor }] : []),
              ...(s.howToJoin ? [{ key: 'How to take part', value: s.howToJoin }] : []),
              {
                key: 'Cost',
                value: s.free ? `Free${s.costNote ? ` (${s.costNote})` : ''}` : s.costNote || 'Ask about cost',
              },
              ...(s.url ? [{ key: 'More', value: <SafeLink href={s.url} /> }] : []),
            ]}
          />
        </section>
      ))}
      <UpcomingEvents
        events={view.upcomingEvents}
        heading="Next events"
        moreHref={`/events?org=${encodeURIComponent(view.slug)}`}
        moreLabel={`All events by ${view.name}`}
      />
      <p class="hint">
        {view.lastUpdated ? `This listing was last updated on ${formatDate(view.lastUpdated)}. ` : ''}
        <a href={`/organisations/${view.slug}/report`}>Report a problem with this listing</a>
      </p>
      <HelpNow lines={view.helpNow} />
    </Layout>
  );
}

export interface AreaView {
  name: string;
  code: string;
  region: string;
  orgs: { slug: string; name: string; summary: string; town: string }[];
}

export function AreaPage({ ctx, view }: { ctx: PageContext; view: AreaView }) {
  return (
    <Layout
      ctx={ctx}
      title={`Member organisations in ${view.name}`}
      before={<Breadcrumbs items={[{ href: '/our-network', label: 'Our network' }]} />}
    >
      <span class="caption">{view.region}</span>
      <h1>Member organisations serving {view.name}</h1>
      {view.orgs.length === 0 ? (
        <p class="empty">
          No member organisation serves {view.name} yet. Groups that meet online are open to everyone:{' '}
          <a href="/find-support?mode=online">find online support</a>.
        </p>
      ) : (
        <ul class="cards">
          {view.orgs.map((o) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/organisations/${o.slug}`}>{o.name}</a>
              </h2>
              {o.town && <p class="hint">{o.town}</p>}
              <p>{o.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface NetworkMapView {
  counts: ReadonlyMap<string, number>;
  members: number;
  areasCovered: number;
  hrefFor: (code: string) => string;
}

export function NetworkMapPage({ ctx, view }: { ctx: PageContext; view: NetworkMapView }) {
  return (
    <Layout ctx={ctx} title="Our network">
      <h1>Our network</h1>
      <p class="lede">
        {view.members} member organisations serve {view.areasCovered} local authority areas. Each is run by people with
        lived experience of recovery.
      </p>
      <p>
        <a href="/find-support">Find support near you</a> · <a href="/join">Join the network</a>
      </p>
      {/* The map shrinks to fit the screen; the table below is the way to read it closely. */}
      <HexMap title="Member organisations serving each local authority" counts={view.counts} hrefFor={view.hrefFor} />
      <h2>Every local authority</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Member organisations by local authority">
        <CoverageTable
          caption="Number of member organisations serving each local authority in the United Kingdom"
          counts={view.counts}
          hrefFor={view.hrefFor}
        />
      </div>
    </Layout>
  );
}
