// Pages for an organisation's own measures and the network's instruments.
import type { OrgTarget } from '../../../platform/http/access.ts';
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
import { fieldId } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';

export function MeasuresPage({
  ctx,
  org,
  measures,
  errors,
  values,
}: {
  ctx: PageContext;
  org: OrgTarget;
  measures: { name: string; items: number; scoring: string; createdAt: Date }[];
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  return (
    <EvidenceLayout ctx={ctx} title="Your own measures" crumbs={orgCrumbs(org)}>
      <ErrorSummary errors={errors} order={['name', 'items', 'min', 'max', 'scoring', 'direction']} />
      <h1>Your own measures</h1>
      <p>
        Measure something that matters to you. Your own measures are used only in {org.name}: they have not been tested
        like the shared questionnaires, so they are never part of network evidence.
      </p>
      <Table
        caption="Your measures"
        empty="You have not made any yet."
        columns={[
          { header: 'Name', cell: (m: { name: string; items: number; scoring: string; createdAt: Date }) => m.name },
          { header: 'Questions', cell: (m) => m.items, numeric: true },
          { header: 'Score', cell: (m) => (m.scoring === 'mean' ? 'Average of answers' : 'Answers added up') },
          { header: 'Made', cell: (m) => ukDate(m.createdAt) },
        ]}
        rows={measures}
      />
      <h2>Make a measure</h2>
      <form method="post" action={`/orgs/${org.slug}/measures`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="name"
          label="Name"
          hint="For example: Feeling connected"
          value={values.name}
          error={errors.name}
          width="medium"
        />
        <TextInput name="purpose" label="What it measures (optional)" value={values.purpose} error={errors.purpose} />
        <TextArea
          name="items"
          label="Questions or statements"
          hint="One per line."
          value={values.items}
          error={errors.items}
          rows={5}
        />
        <TextInput
          name="min"
          label="Lowest answer"
          hint="A whole number, for example 1"
          inputMode="numeric"
          value={values.min ?? '1'}
          error={errors.min}
          width="short"
        />
        <TextInput
          name="min_label"
          label="What the lowest answer means (optional)"
          hint="For example: not at all"
          value={values.min_label}
          width="medium"
        />
        <TextInput
          name="max"
          label="Highest answer"
          hint="A whole number, for example 5"
          inputMode="numeric"
          value={values.max ?? '5'}
          error={errors.max}
          width="short"
        />
        <TextInput
          name="max_label"
          label="What the highest answer means (optional)"
          hint="For example: completely"
          value={values.max_label}
          width="medium"
        />
        <Radios
          name="scoring"
          label="The score is"
          options={[
            { value: 'sum', label: 'The answers added up' },
            { value: 'mean', label: 'The average of the answers' },
          ]}
          value={values.scoring ?? 'sum'}
          error={errors.scoring}
        />
        <Radios
          name="direction"
          label="A higher score is"
          options={[
            { value: 'higher_is_better', label: 'Better' },
            { value: 'lower_is_better', label: 'Worse' },
          ]}
          value={values.direction ?? 'higher_is_better'}
          error={errors.direction}
          inline
        />
        <Button>Make measure</Button>
      </form>
    </EvidenceLayout>
  );
}

interface NetworkInstrument {
  id: string;
  name: string;
  shortName: string;
  version: string;
  origin: string;
  enabled: boolean;
  licence: string;
  reference: string;
}

export function NetworkInstrumentsPage({
  ctx,
  instruments,
  problems,
}: {
  ctx: PageContext;
  instruments: NetworkInstrument[];
  problems: string[];
}) {
  return (
    <Layout ctx={ctx} title="Questionnaires for the network">
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>The definition can't be installed</h2>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={`#${fieldId('definition')}`}>{p}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <span class="caption">Network</span>
      <h1>Questionnaires for the network</h1>
      <Table
        caption="Installed questionnaires"
        columns={[
          { header: 'Questionnaire', cell: (i: NetworkInstrument) => `${i.name} (${i.shortName})` },
          { header: 'Version', cell: (i) => i.version },
          { header: 'Licence', cell: (i) => (i.reference ? `${i.licence}, reference ${i.reference}` : i.licence) },
          {
            header: 'Where from',
            cell: (i) => (i.origin === 'shipped' ? 'Comes with the platform' : 'Installed under licence'),
          },
          {
            header: 'In use',
            cell: (i) => (
              <form method="post" action={`/network/instruments/${i.id}/enabled`} class="inline-form">
                <CsrfField token={ctx.csrfToken()} />
                <input type="hidden" name="enabled" value={i.enabled ? 'no' : 'yes'} />
                {i.enabled ? 'On ' : 'Off '}
                <button type="submit" class="button button-secondary">
                  {i.enabled ? 'Turn off' : 'Turn on'}
                  <span class="visually-hidden">
                    {' '}
                    {i.shortName} version {i.version}
                  </span>
                </button>
              </form>
            ),
          },
        ]}
        rows={instruments}
      />
      <h2>Install a licensed questionnaire</h2>
      <p>
        Some questionnaires (SWEMWBS, for example) are free to use but need a licence, so they are not part of the
        platform. Once the network has its licence, upload the definition file written from the licensed materials and
        record the licence reference. The guide to writing a definition file is in the platform’s documentation for
        administrators.
      </p>
      <form
        method="post"
        action={`/network/instruments?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
        enctype="multipart/form-data"
        novalidate
      >
        <TextInput
          name="licence_reference"
          label="Licence or registration reference"
          hint="As given by the licence holder. Required unless the questionnaire is free to use without registering."
          width="medium"
        />
        <div class="field">
          <label class="label" for={fieldId('definition')}>
            Definition file (JSON)
          </label>
          <input
            class="input"
            type="file"
            id={fieldId('definition')}
            name="definition"
            accept=".json,application/json"
          />
        </div>
        <Button>Install</Button>
      </form>
    </Layout>
  );
}
