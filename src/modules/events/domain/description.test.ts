import assert from 'node:assert/strict';
import { test } from 'node:test';
import { descriptionHtml, descriptionText } from './description.ts';

test('Markdown formatting survives; scripts, handlers and javascript: links do not', () => {
  const html = descriptionHtml(
    '# Walk\n\n**Bring** boots. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://example.org)',
  );
  assert.match(html, /<h2>Walk<\/h2>/);
  assert.match(html, /<strong>Bring<\/strong>/);
  assert.doesNotMatch(html, /<script|<img|href="javascript/i);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /<a href="https:\/\/example.org" rel="nofollow noopener">ok<\/a>/);
});

test('plain text for emails', () => {
  assert.equal(descriptionText('**Tea** & cake\n\n- one\n- two'), 'Tea & cake\n\none\ntwo');
});
