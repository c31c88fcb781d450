// Outgoing mail. With SMTP_URL, nodemailer sends it; without, each message is written to
// DATA_DIR/outbox (an .eml file and a .json summary), which the demo lists at /dev/outbox.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the message, e.g. an event's .ics (contentType 'text/calendar; method=REQUEST'). */
  attachments?: MailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post for one-click unsubscribe (RFC 8058). */
  headers?: Record<string, string>;
}

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface OutboxEntry extends MailMessage {
  id: string;
  at: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** What was written to the outbox, newest first (empty when sending by SMTP). */
  outbox(limit?: number): Promise<OutboxEntry[]>;
}

const FROM = 'Recovery Connectors <no-reply@recovery-connectors.invalid>';

export function createMailer(options: { smtpUrl: string | undefined; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(m) {
        await transport.sendMail({
          from: FROM,
          to: m.to,
          subject: m.subject,
          text: m.text,
          attachments: m.attachments,
          headers: m.headers,
        });
      },
      async outbox() {
        return [];
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let seq = 0;
  return {
    async send(m) {
      // The messages hold live sign-in links: readable by the app's own user alone.
      await mkdir(options.outboxDir, { recursive: true, mode: 0o700 });
      const info = await transport.sendMail({
        from: FROM,
        to: m.to,
        subject: m.subject,
        text: m.text,
        attachments: m.attachments,
        headers: m.headers,
      });
      const at = new Date().toISOString();
      const id = `${at.replace(/[:.]/g, '-')}-${process.pid}-${String(seq++).padStart(4, '0')}`;
      await writeFile(path.join(options.outboxDir, `${id}.eml`), info.message as Buffer, { mode: 0o600 });
      await writeFile(path.join(options.outboxDir, `${id}.json`), JSON.stringify({ id, at, ...m }, null, 2), {
        mode: 0o600,
      });
    },
    async outbox(limit = 50) {
      let files: string[];
      try {
        files = (await readdir(options.outboxDir)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      files.sort().reverse();
      const entries: OutboxEntry[] = [];
      for (const f of files.slice(0, limit)) {
        entries.push(JSON.parse(await readFile(path.join(options.outboxDir, f), 'utf8')) as OutboxEntry);
      }
      return entries;
    },
  };
}
