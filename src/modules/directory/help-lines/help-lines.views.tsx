// Coordinators' pages for the help-now numbers: the list with when each was last checked, and
// the form to change one and say it has been checked.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  Table,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { HelpLineAdminView } from './help-lines.service.ts';

const checkedText = (l: HelpLineAdminView): string =>
  l.lastCheckedOn
    ? `${formatDate(new Date(`${l.lastCheckedOn}T12:00:00Z`))}${l.checkedBy ? ` by ${l.checkedBy}` : ''}`
    : 'Never checked';

export function HelpLinesPage({ ctx, lines }: { ctx: PageContext; lines: HelpLineAdminView[] }) {
  return (
    <Layout
      ctx={ctx}
      title="Help now numbers"
      before={<Breadcrumbs items={[{ href: '/network', label: 'Network' }]} />}
    >
      <h1>Help now numbers</h1>
      <p class="lede">
        These numbers are shown in the “If you need help now” panel on the home page, Find support, every profile and
        the questionnaire pages people fill in themselves. A number nobody has checked is not shown to the public.
      </p>
      <p>Check each number against the service’s own website every few months, then say so here.</p>
      <Table
        caption="Numbers and when they were last checked"
        columns={[
          { header: 'Service', cell: (l) => <a href={`/network/help-lines/${l.id}`}>{l.name}</a> },
          { header: 'Number', cell: (l) => l.number || 'Not entered' },
          { header: 'Where', cell: (l) => l.where },
          { header: 'Last checked', cell: checkedText },
          { header: 'Shown to the public', cell: (l) => (l.shownToPublic ? 'Yes' : 'No, not until it is checked') },
        ]}
        rows={lines}
      />
    </Layout>
  );
}

export function HelpLineFormPage({
  ctx,
  line,
  values,
  errors = {},
}: {
  ctx: PageContext;
  line: HelpLineAdminView;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`${errors && Object.keys(errors).length ? 'Error: ' : ''}${line.name}: help now number`}
      before={
        <Breadcrumbs
          items={[
            { href: '/network', label: 'Network' },
            { href: '/network/help-lines', label: 'Help now numbers' },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} order={['number', 'purpose', 'checked']} />
      <span class="caption">{line.where}</span>
      <h1>{line.name}</h1>
      <p>Last checked: {checkedText(line)}.</p>
      <form method="post" action={`/network/help-lines/${line.id}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="number"
          label="Phone number"
          hint="Digits and spaces, as people should dial it"
          type="tel"
          value={values.number}
          error={errors.number}
          width="medium"
        />
        <TextInput name="purpose" label="What it is for, in a sentence" value={values.purpose} error={errors.purpose} />
        <Radios
          name="checked"
          label="Have you just checked this number with the service?"
          value={values.checked}
          error={errors.checked}
          options={[
            {
              value: 'yes',
              label: 'Yes, I have checked it today',
              hint: 'It will be shown to the public, with today as the date checked.',
            },
            {
              value: 'no',
              label: 'No, not yet',
              hint: 'A changed number is hidden from the public until someone checks it.',
            },
          ]}
        />
        <Button>Save</Button>
      </form>
    </Layout>
  );
}
