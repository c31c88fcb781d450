// Test-only helpers: read the committed R reference values and compare numbers the way the
// fixtures promise (relative tolerance, with an absolute floor near zero).
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const fixturesDir = new URL('../fixtures/', import.meta.url);

export function readFixtureJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8')) as T;
}

export function readFixtureText(relativePath: string): string {
  return readFileSync(new URL(relativePath, fixturesDir), 'utf8');
}

export function assertClose(
  actual: number | null,
  expected: number | null,
  relative: number,
  absolute: number,
  label: string,
): void {
  if (expected === null) {
    assert.equal(actual, null, `${label}: expected null, got ${actual}`);
    return;
  }
  assert.ok(actual !== null && Number.isFinite(actual), `${label}: expected ${expected}, got ${actual}`);
  const difference = Math.abs(actual - expected);
  const allowed = Math.max(absolute, relative * Math.abs(expected));
  assert.ok(
    difference <= allowed,
    `${label}: expected ${expected}, got ${actual} (difference ${difference.toExponential(3)} > ${allowed.toExponential(3)})`,
  );
}
