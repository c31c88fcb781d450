// Pages of the insight module. Views take view models (documents, dashboards), never rows.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/http/page-context.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { Layout } from '../../ui/layout.tsx';
import { Breadcrumbs, ErrorSummary, NotificationBanner, Radios, TextInput } from '../../ui/components.tsx';
import { numericColumns, type Block, type PackDocument, type Section } from './pack.document.ts';
import type { SocialValueForm } from './social-value.form.ts';
import { ADJUSTMENT_NOTES } from './domain/social-value.ts';

export function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'p':
      return (
        <p>
          {block.text}
          {block.link && (
            <>
              {' '}
              <a href={block.link.href}>{block.link.text}</a>
            </>
          )}
        </p>
      );
    case 'list':
      return (
        <ul class="list">
          {block.items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      );
    case 'verse':
      return (
        <div class="verse">
          {block.stanzas.map((lines) => (
            <p>
              {lines.map((l, i) => (
                <>
                  {i > 0 && <br />}
                  {l}
                </>
              ))}
            </p>
          ))}
        </div>
      );
    case 'chart':
      // Drawn at its own size (text at 12 px); on a phone it scrolls in a named, focusable region.
      return (
        <div
          class="chart-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby={
            String((block.svg.props as { 'aria-labelledby'?: string })['aria-labelledby'] ?? '').split(' ')[0] ||
            undefined
          }
        >
          <figure class="chart-figure">{block.svg}</figure>
        </div>
      );
    case 'details':
      return (
        <details class="worked-out">
          <summary>{block.summary}</summary>
          {block.blocks.map((b) => (
            <BlockView block={b} />
          ))}
        </details>
      );
    case 'table': {
      const numeric = numericColumns(block);
      return (
        // Focusable, named region: a wide table scrolls sideways on a phone, by keyboard too.
        <div class="table-wrap" tabIndex={0} role="region" aria-label={block.caption}>
          <table class="table">
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.head.map((h, i) => (
                  <th scope="col" class={numeric[i] ? 'numeric' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r) => (
                <tr>
                  {r.map((c, i) =>
                    i === 0 ? <th scope="row">{c}</th> : <td class={numeric[i] ? 'numeric' : undefined}>{c}</td>,
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

export function SectionView({ section, level = 2 }: { section: Section; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`s-${section.id}`}>
      <H id={`s-${section.id}`}>{section.heading}</H>
      {section.blocks.map((b) => (
        <BlockView block={b} />
      ))}
    </section>
  );
}

export function Downloads({ links }: { links: { href: string; label: string }[] }) {
  return (
    <ul class="inline-list">
      {links.map((l) => (
        <li>
          <a href={l.href}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
}

export function InsightPage({
  ctx,
  title,
  crumbs,
  intro,
  sections,
  children,
}: {
  ctx: PageContext;
  title: string;
  crumbs: { href: string; label: string }[];
  intro?: ComponentChildren;
  sections: Section[];
  children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} before={crumbs.length > 0 ? <Breadcrumbs items={crumbs} /> : undefined}>
      <h1>{title}</h1>
      {intro}
      {sections.map((s) => (
        <SectionView section={s} />
      ))}
      {children}
    </Layout>
  );
}

export function PackPage({
  ctx,
  doc,
  crumbs,
  downloads,
}: {
  ctx: PageContext;
  doc: PackDocument;
  crumbs: { href: string; label: string }[];
  downloads: { href: string; label: string }[];
}) {
  return (
    <InsightPage
      ctx={ctx}
      title={doc.title}
      crumbs={crumbs}
      intro={
        <>
          {doc.logo && (
            <img
              class="org-logo"
              src={doc.logo.src}
              alt={doc.logo.alt}
              width={doc.logo.width}
              height={doc.logo.height}
            />
          )}
          <p class="lead">{doc.subtitle}</p>
          <Downloads links={downloads} />
        </>
      }
      sections={doc.sections}
    />
  );
}

/** The social value assumptions form: a GET form, so a report's address carries its assumptions. */
export function SocialValueFormView({
  action,
  form,
  submitLabel,
}: {
  action: string;
  form: SocialValueForm;
  submitLabel: string;
}) {
  const e = form.errors;
  const v = form.values;
  return (
    <form method="get" action={action} class="social-value-form" novalidate>
      <ErrorSummary
        errors={e}
        order={[
          'costs',
          'deadweight',
          'displacement',
          'attribution',
          'drop_off',
          'duration',
          'volunteer_time',
          'deflator',
          'price_year',
          'hourly_pay',
        ]}
      />
      <TextInput
        name="costs"
        label="Your costs for the period, in pounds"
        hint="What it cost to run the work these results come from, e.g. 25000."
        value={v.costs}
        error={e.costs}
        inputMode="decimal"
        width="medium"
      />
      <TextInput
        name="deadweight"
        label="Deadweight (%)"
        hint={`Default 25. ${ADJUSTMENT_NOTES.deadweight}`}
        value={v.deadweight}
        error={e.deadweight}
        inputMode="decimal"
        width="short"
      />
      <TextInput
        name="displacement"
        label="Displacement (%)"
        hint={`Default 0. ${ADJUSTMENT_NOTES.displacement}`}
        value={v.displacement}
        error={e.displacement}
        inputMode="decimal"
        width="short"
      />
      <TextInput
        name="attribution"
        label="Attribution (%)"
        hint={`Default 25. ${ADJUSTMENT_NOTES.attribution}`}
        value={v.attribution}
        error={e.attribution}
        inputMode="decimal"
        width="short"
      />
      <TextInput
        name="drop_off"
        label="Drop-off each year (%)"
        hint={`Default 33. ${ADJUSTMENT_NOTES.dropOff}`}
        value={v.drop_off}
        error={e.drop_off}
        inputMode="decimal"
        width="short"
      />
      <TextInput
        name="duration"
        label="Years the change lasts"
        hint={`Default 1. ${ADJUSTMENT_NOTES.durationYears}`}
        value={v.duration}
        error={e.duration}
        inputMode="numeric"
        width="short"
      />
      <Radios
        name="volunteer_time"
        label="Volunteer time"
        hint={ADJUSTMENT_NOTES.volunteerTime}
        value={v.volunteer_time || 'input'}
        error={e.volunteer_time}
        options={[
          { value: 'input', label: 'Count it as a cost (SROI practice)' },
          { value: 'outcome', label: 'Count it as value' },
          { value: 'exclude', label: 'Leave it out' },
        ]}
      />
      <TextInput
        name="deflator"
        label="Uprating factor from 2019 prices"
        hint="Default 1.1846 (to 2023 prices, implied by £15,400 per WELLBY; a secondary source). Use the HM Treasury GDP deflator for your year."
        value={v.deflator}
        error={e.deflator}
        inputMode="decimal"
        width="short"
      />
      <TextInput
        name="price_year"
        label="Price year"
        hint="Default 2023."
        value={v.price_year}
        error={e.price_year}
        inputMode="numeric"
        width="short"
      />
      <TextInput
        name="hourly_pay"
        label="Hourly pay for volunteer time (£)"
        hint="Default 18.64: ONS ASHE April 2024 median hourly earnings, full-time, excluding overtime."
        value={v.hourly_pay}
        error={e.hourly_pay}
        inputMode="decimal"
        width="short"
      />
      <button type="submit" class="button button-secondary">
        {submitLabel}
      </button>
    </form>
  );
}

export function orgCrumbs(org: OrgTarget) {
  return [
    { href: `/orgs/${org.slug}`, label: org.name },
    { href: `/orgs/${org.slug}/insight`, label: 'Insight' },
  ];
}

export function NoDataBanner({ children }: { children: ComponentChildren }) {
  return (
    <NotificationBanner kind="info" title="Not much data yet">
      {children}
    </NotificationBanner>
  );
}
