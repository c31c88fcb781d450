// The page frame: skip link, header with navigation, demo banner, one-off messages, footer.
import type { ComponentChildren } from 'preact';
import { isSignedIn, hasNetworkRole } from '../platform/auth/actor.ts';
import type { PageContext } from '../platform/http/page-context.ts';
import { NotificationBanner } from './components.tsx';

export const ASSET_VERSION = '4';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Shown before the main heading, e.g. breadcrumbs. */
  before?: ComponentChildren;
}

export function Layout({ ctx, title, children, before }: LayoutProps) {
  const fullTitle = `${title} – Recovery Connectors`;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href={`/assets/styles.css?v=${ASSET_VERSION}`} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        {ctx.demo && (
          <div class="demo-banner" role="region" aria-label="Demo notice">
            <p>
              <strong>Demo:</strong> everything here is made up, for trying the platform out. People and organisations
              are fictional.
            </p>
          </div>
        )}
        <SiteHeader ctx={ctx} />
        <div class="page">
          {before}
          <main id="main" tabIndex={-1}>
            {ctx.flash && (
              <NotificationBanner kind={ctx.flash.kind} title={ctx.flash.kind === 'success' ? 'Done' : 'Please note'}>
                <p>{ctx.flash.text}</p>
              </NotificationBanner>
            )}
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="page">
            <p>
              Recovery Connectors is free software for a network of lived experience recovery organisations, under the
              GNU Affero General Public License v3.0 or later.
            </p>
            <ul class="inline-list">
              <li>
                <a href="/about">About this platform</a>
              </li>
              <li>
                <a href="/about/data">About the data</a>
              </li>
              <li>
                <a href="/methods">How the figures are worked out</a>
              </li>
              <li>
                <a href="/privacy">Privacy</a>
              </li>
              <li>
                <a href="/accessibility">Accessibility</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

function SiteHeader({ ctx }: { ctx: PageContext }) {
  const actor = ctx.actor;
  const links: { href: string; label: string }[] = [
    { href: '/', label: 'Home' },
    { href: '/find-support', label: 'Find support' },
    { href: '/our-network', label: 'Our network' },
    { href: '/impact', label: 'Our impact' },
  ];
  if (isSignedIn(actor)) {
    links.push({ href: '/account', label: 'Your account' });
    for (const m of actor.memberships.slice(0, 3)) links.push({ href: `/orgs/${m.orgSlug}`, label: m.orgName });
    if (hasNetworkRole(actor, 'coordinator', 'admin')) links.push({ href: '/network', label: 'Network' });
  }
  return (
    <header class="site-header">
      <div class="page header-inner">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">
            ◐
          </span>{' '}
          Recovery Connectors
        </a>
        <nav aria-label="Main">
          <ul class="nav-list">
            {links.map((l) => (
              <li>
                <a href={l.href} aria-current={ctx.path === l.href ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
            <li>
              {isSignedIn(actor) ? (
                <form method="post" action="/sign-out" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
                  <button type="submit" class="link-button">
                    Sign out
                  </button>
                </form>
              ) : (
                <a href="/sign-in" aria-current={ctx.path === '/sign-in' ? 'page' : undefined}>
                  Sign in
                </a>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
