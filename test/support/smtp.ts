import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId?: string;
}

/** A real SMTP server on a free port that keeps every message it accepts. */
export class TestSmtp {
  readonly messages: ReceivedMail[] = [];
  /** Set to make the server refuse the next N messages with a temporary error. */
  failNext = 0;
  /** Messages to these addresses get no answer after their DATA until release() (a slow server). */
  readonly hold = new Set<string>();
  /** Messages held now, waiting for their answer. */
  held = 0;
  private releases: (() => void)[] = [];
  private server: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const rcpt = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          if (rcpt.some((a) => this.hold.has(a))) {
            this.held += 1;
            this.releases.push(() => {
              this.held -= 1;
              this.accept(chunks, callback);
            });
            return;
          }
          if (this.failNext > 0) {
            this.failNext -= 1;
            const err = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
            return callback(err);
          }
          this.accept(chunks, callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  private accept(chunks: Buffer[], callback: (err?: Error | null) => void): void {
    simpleParser(Buffer.concat(chunks))
      .then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
        this.messages.push({
          to: to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          messageId: mail.messageId,
        });
        callback();
      })
      .catch(callback);
  }

  /** Answers every held message (and stops holding). */
  release(): void {
    this.hold.clear();
    for (const answer of this.releases.splice(0)) answer();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(email.toLowerCase()));
  }

  /** Waits until `email` has received `count` messages, then returns the last one. */
  async waitFor(email: string, count = 1, timeoutMs = 45000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const got = this.to(email);
      if (got.length >= count) return got[count - 1];
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `No message #${count} for ${email} within ${timeoutMs} ms (have ${this.to(email).length})`,
    );
  }

  /** Waits for a message to `email` whose subject matches: deliveries may arrive in any order. */
  async waitForSubject(email: string, subject: RegExp, timeoutMs = 45000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.to(email).find((m) => subject.test(m.subject));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seen = this.to(email).map((m) => m.subject);
    throw new Error(`No message "${subject}" for ${email} within ${timeoutMs} ms (have ${seen})`);
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The single-use token at the end of an emailed link. */
export const tokenFrom = (text: string): string => {
  const match = text.match(/\/([A-Za-z0-9_-]{43})\b/);
  if (!match) throw new Error(`No link with a token in: ${text}`);
  return match[1];
};
