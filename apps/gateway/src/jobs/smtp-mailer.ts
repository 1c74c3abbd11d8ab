import type { Mailer } from "@lantoa/app";
import nodemailer from "nodemailer";

/**
 * Sends e-mail over SMTP with nodemailer, to the server at `url` (`smtp://host:port`,
 * `smtps://user:pass@host`), from `from`. Rejects when the server refuses or cannot be reached.
 *
 * @example await smtpMailer({ url: "smtp://127.0.0.1:2525", from: "Lan Tỏa <khongtraloi@lantoa.test>" }).send(message)
 */
export function smtpMailer(options: { readonly url: string; readonly from: string }): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
