// The logo page: what is there now, upload a new one (limits said before choosing), or remove it.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, fieldId } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';

export function LogoPage({
  ctx,
  org,
  logo,
  error,
}: {
  ctx: PageContext;
  org: OrgTarget;
  logo: { width: number; height: number; updatedAt: Date } | undefined;
  error?: string;
}) {
  const base = `/orgs/${org.slug}/profile/logo`;
  const id = fieldId('logo');
  return (
    <Layout
      ctx={ctx}
      title="Your logo"
      before={
        <Breadcrumbs
          items={[
            { href: `/orgs/${org.slug}`, label: org.name },
            { href: `/orgs/${org.slug}/profile`, label: 'Profile' },
          ]}
        />
      }
    >
      <ErrorSummary errors={error ? { logo: error } : {}} />
      <h1>Your logo</h1>
      <p>It goes on your public profile and on the cover of your evidence packs.</p>
      {logo ? (
        <>
          <p>
            <img
              class="org-logo"
              src={`/organisations/${org.slug}/logo.png?v=${logo.updatedAt.getTime()}`}
              alt={`${org.name} logo`}
              width={logo.width}
              height={logo.height}
            />
          </p>
          <form method="post" action={`${base}/remove`}>
            <CsrfField token={ctx.csrfToken()} />
            <button type="submit" class="button button-secondary">
              Remove the logo
            </button>
          </form>
        </>
      ) : (
        <p class="empty">No logo yet.</p>
      )}
      <form
        method="post"
        action={`${base}?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
        enctype="multipart/form-data"
        novalidate
      >
        <div class={error ? 'field field-error' : 'field'}>
          <label class="label" for={id}>
            {logo ? 'A new logo' : 'Your logo'}
          </label>
          <p class="hint" id={`${id}-hint`}>
            PNG, JPEG or WebP, up to 2 MB. We make it at most 400 pixels wide or tall and remove any hidden details from
            it, like where a photo was taken.
          </p>
          {error && (
            <p class="error-message" id={`${id}-error`}>
              <span class="visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            class="input"
            type="file"
            id={id}
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
        </div>
        <Button>Upload the logo</Button>
      </form>
    </Layout>
  );
}
