import type { PageContext } from '../platform/http/page-context.ts';
import { Layout } from './layout.tsx';

const TITLES: Record<number, string> = {
  400: 'Something in that request was not right',
  401: 'Please sign in',
  403: "You can't do that here",
  404: "We couldn't find that page",
  409: 'That has changed since you opened it',
  410: 'That link has expired',
  413: 'That was too large for us to accept',
  415: 'We could not read that',
  429: 'Please wait a moment',
  500: 'Sorry, something went wrong on our side',
};

export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  const title = TITLES[status] ?? TITLES[500]!;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lede">{message}</p>
      {status === 500 && <p>Nothing you did caused this. Please try again in a few minutes.</p>}
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Layout>
  );
}
