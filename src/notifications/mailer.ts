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
    // A pooled transport keeps SMTP connections open between messages. A send gives up well within
    // a delivery's claim on its outbox row (CLAIM_SECONDS): 30 s to connect or greet, 60 s of
    // silence. Options in SMTP_URL's query (nodemailer reads them) win over these.
    this.transport = createTransport({
      url: config.SMTP_URL,
      pool: true,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
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
