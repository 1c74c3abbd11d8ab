/** One e-mail to send. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** What sends e-mail (SMTP in the gateway); `send` rejects when the message was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
