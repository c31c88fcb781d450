// Emailed one-time links carry a token in the path; the request log must never hold it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactTokens } from '../src/app.ts';

test('tokens in one-time links are left out of logged URLs', () => {
  assert.equal(redactTokens('/sign-in/email/Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA'), '/sign-in/email/[token]');
  assert.equal(redactTokens('/password/reset/abc_DEF-123'), '/password/reset/[token]');
  assert.equal(redactTokens('/invitations/abc'), '/invitations/[token]');
  assert.equal(redactTokens('/complete/abc?page=2'), '/complete/[token]?page=2');
  // Signing in to accept an invitation carries the link in next=.
  assert.equal(redactTokens('/sign-in?next=%2Finvitations%2FabcDEF_12-3'), '/sign-in?next=%2Finvitations%2F[token]');
  assert.equal(redactTokens('/sign-in?next=/invitations/abc&x=1'), '/sign-in?next=/invitations/[token]&x=1');
});

test('other addresses are logged as they are', () => {
  for (const url of ['/', '/orgs/leeds-recovery-cafe', '/sign-in?next=%2Faccount', '/api/v1/directory?near=LS6']) {
    assert.equal(redactTokens(url), url);
  }
});
