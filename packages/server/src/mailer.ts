import nodemailer from 'nodemailer';

/** A plain-text mail: the confirmation mail, or one of the site's own. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** Hands a mail to someone who delivers it. */
export type Mailer = (mail: Mail) => Promise<void>;

/**
 * SMTP through nodemailer when `smtpUrl` is set; otherwise the mail is printed to the console, so
 * a developer can follow the confirmation link from the terminal.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return async (mail) => {
      console.log(`[keuze-server] mail to ${mail.to}: ${mail.subject}\n${mail.text.replace(/^/gm, '  ')}`);
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}
