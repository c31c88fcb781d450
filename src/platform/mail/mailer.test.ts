// Mail through a real SMTP conversation with a local capture server, and the file outbox.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer } from './mailer.ts';

test('with SMTP_URL, messages go to the SMTP server', async () => {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  try {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: '/nonexistent' });
    await mailer.send({ to: 'someone@test.example', subject: 'Hello from the network', text: 'A plain message.' });
    assert.equal(received.length, 1);
    assert.match(received[0]!, /Subject: Hello from the network/);
    assert.match(received[0]!, /To: someone@test.example/);
    assert.deepEqual(await mailer.outbox(), []);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('without SMTP_URL, messages are written to the outbox, newest first', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-outbox-'));
  try {
    const mailer = createMailer({ smtpUrl: undefined, outboxDir: dir });
    await mailer.send({ to: 'a@test.example', subject: 'First', text: 'one' });
    await mailer.send({ to: 'b@test.example', subject: 'Second', text: 'two' });
    const files = await readdir(dir);
    assert.equal(files.filter((f) => f.endsWith('.eml')).length, 2);
    assert.deepEqual(
      (await mailer.outbox()).map((m) => m.subject),
      ['Second', 'First'],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
