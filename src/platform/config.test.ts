import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const secret = { SESSION_SECRET: 's'.repeat(32) };

test('defaults suit a laptop: port 3000 on localhost, ./data, the embedded database', () => {
  const c = loadConfig(secret);
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.match(c.dataDir, /\/data$/);
  assert.equal(c.databaseKind, 'embedded');
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.secureCookies, false);
  assert.ok(Object.isFrozen(c));
});

test('a PostgreSQL URL selects the server; an https public URL makes cookies Secure', () => {
  const c = loadConfig({
    ...secret,
    DATABASE_URL: 'postgres://u:p@db:5432/x',
    PUBLIC_URL: 'https://connectors.example.org/',
  });
  assert.equal(c.databaseKind, 'postgres');
  assert.equal(c.publicUrl, 'https://connectors.example.org');
  assert.equal(c.secureCookies, true);
});

const bad: [string, Record<string, string>, RegExp][] = [
  ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
  ['a port out of range', { PORT: '70000' }, /PORT/],
  ['a database URL of another kind', { DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must start with postgres/],
  ['a public URL that is not a URL', { PUBLIC_URL: 'connectors dot org' }, /PUBLIC_URL must be a full URL/],
  ['an SMTP URL of another kind', { SMTP_URL: 'http://mail' }, /SMTP_URL must start with smtp/],
  ['a short session secret', { SESSION_SECRET: 'short' }, /at least 32 characters/],
  ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
];
for (const [what, env, message] of bad) {
  test(`${what} stops the start with a clear message`, () => {
    assert.throws(
      () => loadConfig({ ...secret, ...env }),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
  });
}

test('production refuses to start without a session secret; the demo has its own', () => {
  assert.throws(() => loadConfig({}), /SESSION_SECRET is not set/);
  assert.equal(loadConfig({}, { demo: true }).demo, true);
});

test('TRUST_PROXY: unset trusts nobody; addresses, ranges, hops or true; nonsense stops the start', () => {
  assert.equal(loadConfig(secret).trustProxy, false);
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ ...secret, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,loopback,::1' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
    'loopback',
    '::1',
  ]);
  assert.throws(
    () => loadConfig({ ...secret, TRUST_PROXY: 'my-proxy.example' }),
    /TRUST_PROXY has something that is not an address or range: my-proxy.example/,
  );
  assert.throws(() => loadConfig({ ...secret, TRUST_PROXY: '10.0.0.0/40' }), /TRUST_PROXY/);
});

test('METRICS_TOKEN: unset or empty means no metrics; a long token is kept; a short or spaced one stops the start', () => {
  assert.equal(loadConfig(secret).metricsToken, undefined);
  assert.equal(loadConfig({ ...secret, METRICS_TOKEN: '  ' }).metricsToken, undefined);
  const token = 'm'.repeat(16) + 'A1._-~'.repeat(3);
  assert.equal(loadConfig({ ...secret, METRICS_TOKEN: ` ${token} ` }).metricsToken, token);
  assert.throws(
    () => loadConfig({ ...secret, METRICS_TOKEN: 'x'.repeat(31) }),
    (e: unknown) => e instanceof ConfigError && /METRICS_TOKEN must be at least 32 characters/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ ...secret, METRICS_TOKEN: `${'x'.repeat(20)} ${'y'.repeat(20)}` }),
    (e: unknown) => e instanceof ConfigError && /METRICS_TOKEN must be printable characters/.test(e.message),
  );
  // The token is a secret: the message names the setting, never its value.
  assert.throws(
    () => loadConfig({ ...secret, METRICS_TOKEN: 'tiny-secret-value' }),
    (e: unknown) => e instanceof ConfigError && !e.message.includes('tiny-secret-value'),
  );
});

test('DATABASE_POOL_SIZE: unset or empty is 20 connections; a whole number in range is kept; anything else stops the start', () => {
  assert.equal(loadConfig(secret).databasePoolSize, 20);
  assert.equal(loadConfig({ ...secret, DATABASE_POOL_SIZE: '' }).databasePoolSize, 20);
  assert.equal(loadConfig({ ...secret, DATABASE_POOL_SIZE: ' 30 ' }).databasePoolSize, 30);
  assert.equal(loadConfig({ ...secret, DATABASE_POOL_SIZE: '1' }).databasePoolSize, 1);
  assert.equal(loadConfig({ ...secret, DATABASE_POOL_SIZE: '500' }).databasePoolSize, 500);
  for (const [value, message] of [
    ['ten', /DATABASE_POOL_SIZE must be a whole number/],
    ['2.5', /DATABASE_POOL_SIZE must be a whole number/],
    ['-3', /DATABASE_POOL_SIZE must be a whole number/],
    ['0', /DATABASE_POOL_SIZE must be between 1 and 500/],
    ['501', /DATABASE_POOL_SIZE must be between 1 and 500/],
  ] as const) {
    assert.throws(
      () => loadConfig({ ...secret, DATABASE_POOL_SIZE: value }),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
      value,
    );
  }
});
