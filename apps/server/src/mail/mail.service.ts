import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Outgoing email through SMTP_URL; without it, `enabled` is false and callers hand links out instead. */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.mail.smtpUrl) this.transport = createTransport(config.mail.smtpUrl);
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Sends, or logs why not; a mail failure never fails the request that caused it. */
  async send(to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.config.mail.from, to, subject, text });
      return true;
    } catch (e) {
      this.logger.error(`could not send "${subject}" to ${to}: ${(e as Error).message}`);
      return false;
    }
  }
}
