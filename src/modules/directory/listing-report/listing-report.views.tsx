import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { PROBLEMS } from './listing-report.schemas.ts';

export function ListingReportPage({
  ctx,
  org,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout
      ctx={ctx}
      title={`${hasErrors ? 'Error: ' : ''}Report a problem with ${org.name}'s listing`}
      before={<Breadcrumbs items={[{ href: `/organisations/${org.slug}`, label: org.name }]} />}
    >
      <ErrorSummary errors={errors} order={['problem', 'details', 'reply_to']} />
      <h1>Report a problem with this listing</h1>
      <p class="lede">Tell {org.name} what is wrong. We send it straight to the people who look after their listing.</p>
      <form method="post" action={`/organisations/${org.slug}/report`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Radios
          name="problem"
          label="What is wrong?"
          value={values.problem}
          error={errors.problem}
          options={Object.entries(PROBLEMS).map(([value, label]) => ({ value, label }))}
        />
        <TextArea
          name="details"
          label="Tell us more"
          hint="For example, the new day and time, or the right phone number."
          value={values.details}
          error={errors.details}
          rows={4}
        />
        <TextInput
          name="reply_to"
          label="Your email address (optional)"
          hint="Only if you would like a reply. We pass it on to them and keep nothing."
          type="email"
          autocomplete="email"
          value={values.reply_to}
          error={errors.reply_to}
          width="medium"
        />
        <Button>Send</Button>
      </form>
    </Layout>
  );
}
