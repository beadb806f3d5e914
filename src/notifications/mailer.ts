import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row, so a receiver can recognise the same message. */
  messageId: string;
}

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    // A pooled transport keeps SMTP connections open between messages (nodemailer reads options from the URL).
    const url = new URL(config.SMTP_URL);
    url.searchParams.set('pool', 'true');
    this.transport = createTransport(url.toString());
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
