import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAttachment, safeFileName, sniffMediaType } from './file-type.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import { rankMentors, type MentorCandidate } from './mentor-matching.ts';
import { reviewReminderDue, reviewState } from './review.ts';
import { parseSearchQuery, splitHighlight, weekStartOf } from './search-query.ts';
import { parseQuestionTags } from './tags.ts';

test('markdown: scripts, handlers, javascript: and data: links never survive', () => {
  const out = renderMarkdown(
    '<script>alert(1)</script> [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,xx) <img src=x onerror=alert(1)> [ok](https://example.org)',
  );
  assert.doesNotMatch(out, /<script|<img|href="javascript|href="data/i);
  assert.match(out, /<a href="https:\/\/example.org" rel="nofollow noopener">ok<\/a>/);
  assert.equal(renderMarkdown('# Top'), '<h2>Top</h2>\n');
  assert.equal(markdownToText('## Hi\n\n* one **two**'), 'Hi one two');
});

test('file types come from the bytes; names that lie are refused', () => {
  const pdf = Buffer.from('%PDF-1.7 rest');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]);
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]);
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....evil.exe')]);
  assert.equal(sniffMediaType(pdf), 'application/pdf');
  assert.equal(sniffMediaType(png), 'image/png');
  assert.equal(sniffMediaType(jpeg), 'image/jpeg');
  assert.equal(sniffMediaType(docx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(sniffMediaType(zip), undefined, 'a zip that is not a Word file');
  assert.equal(sniffMediaType(Buffer.from('<svg onload=alert(1)>')), undefined);
  assert.deepEqual(checkAttachment('a.pdf', pdf), { ok: true, mediaType: 'application/pdf', fileName: 'a.pdf' });
  assert.equal(checkAttachment('a.JPG', jpeg).ok, true);
  assert.equal(checkAttachment('a.pdf', png).ok, false);
  assert.equal(checkAttachment('a.png', Buffer.alloc(0)).ok, false);
  assert.equal(safeFileName('../../etc/"pass"wd;.pdf'), 'passwd.pdf');
  assert.equal(safeFileName('C:\\Users\\x\\guide.pdf'), 'guide.pdf');
});

test('review: checked within a year, or needs review; reminders a month ahead, at most monthly', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  assert.equal(reviewState(new Date('2026-01-01'), now), 'current');
  assert.equal(reviewState(new Date('2025-11-30'), now), 'needs-review');
  assert.equal(reviewReminderDue(new Date('2025-12-20'), null, now), true);
  assert.equal(reviewReminderDue(new Date('2026-06-01'), null, now), false);
  assert.equal(reviewReminderDue(new Date('2025-12-20'), new Date('2026-11-20'), now), false);
});

test('search query: minus-words excluded, quotes dropped for the loose match', () => {
  assert.deepEqual(parseSearchQuery('"recovery cafe" -naloxone'), { loose: 'recovery cafe', excluded: ['naloxone'] });
  assert.deepEqual(parseSearchQuery('a or b - -'), { loose: 'a b - -', excluded: [] });
  assert.deepEqual(splitHighlight('a \u0001b\u0002 <c>'), [
    { text: 'a ', marked: false },
    { text: 'b', marked: true },
    { text: ' <c>', marked: false },
  ]);
  assert.equal(weekStartOf(new Date('2026-12-06T23:30:00Z')), '2026-11-30', 'Sunday night is still last week');
  assert.equal(weekStartOf(new Date('2026-03-29T23:30:00Z')), '2026-03-30', 'Monday 00:30 BST is the new week');
  assert.deepEqual(parseQuestionTags('DBS, Volunteers  dbs <b>'), ['dbs', 'volunteers', 'b']);
});

test('mentor matching on planted data: the nearest with the shared focus first; no capacity never suggested', () => {
  const group = {
    orgId: 'g',
    name: 'New group',
    at: { lat: 53.8, lon: -1.55 },
    serviceTypes: ['recovery-cafe'],
    sizeBand: 'volunteers' as const,
  };
  const c = (
    orgId: string,
    lat: number,
    lon: number,
    types: string[],
    capacity: number,
    mentoring = 0,
    sizeBand: MentorCandidate['sizeBand'] = 'small_staff',
  ): MentorCandidate => ({ orgId, name: orgId, at: { lat, lon }, serviceTypes: types, sizeBand, capacity, mentoring });
  const ranked = rankMentors(group, [
    c('far-cafe', 51.45, -2.59, ['recovery-cafe'], 3, 0, 'larger'),
    c('near-cafe', 53.79, -1.54, ['recovery-cafe'], 1),
    c('near-walks', 53.81, -1.56, ['recovery-walk-or-sport'], 2),
    c('nearest-but-full', 53.8, -1.55, ['recovery-cafe'], 2, 2),
    c('nearest-no-capacity', 53.8, -1.55, ['recovery-cafe'], 0),
    c('g', 53.8, -1.55, ['recovery-cafe'], 3),
  ]);
  assert.equal(ranked[0]!.orgId, 'near-cafe');
  assert.deepEqual(ranked.map((r) => r.orgId).sort(), ['far-cafe', 'near-cafe', 'near-walks']);
  assert.ok(ranked[0]!.reasons.some((r) => /same kind|this kind/.test(r)));
  assert.ok(ranked[0]!.reasons.some((r) => /mile/.test(r)));
});
