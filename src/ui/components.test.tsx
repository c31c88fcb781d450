import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { ErrorSummary, pageWindow, Pagination, TextInput } from './components.tsx';

test('page numbers: first, last and two either side, with gaps', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 5), [1, 2, 3, 4, 5]);
  assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
  assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20]);
});

test('pagination marks the current page and has previous and next links', () => {
  const html = renderToString(<Pagination page={2} pages={3} hrefFor={(p) => `/x?page=${p}`} />);
  assert.match(html, /href="\/x\?page=2" aria-current="page"/);
  assert.match(html, /rel="prev"/);
  assert.match(html, /rel="next"/);
  assert.equal(renderToString(<Pagination page={1} pages={1} hrefFor={() => '/'} />), '');
});

test('an error summary links each message to its field, in form order', () => {
  const html = renderToString(
    <ErrorSummary
      errors={{ password: 'Enter your password', email: 'Enter an email' }}
      order={['email', 'password']}
    />,
  );
  assert.ok(html.indexOf('#f-email') < html.indexOf('#f-password'));
  assert.match(html, /role="alert"/);
});

test('a field with an error is described by its message', () => {
  const html = renderToString(
    <TextInput name="email" label="Email" hint="We'll never share it" error="Enter an email" />,
  );
  assert.match(html, /aria-describedby="f-email-hint f-email-error"/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /<label for="f-email"/);
});
