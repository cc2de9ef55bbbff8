import type { Transporter } from 'nodemailer'

export interface OutgoingMessage {
  recipient: string
  subject: string
  body: string
}

/**
 * Where messages go. SMTP when configured; otherwise nothing leaves the building and the message
 * is held in the outbox for staff to see.
 */
export interface Transport {
  kind: 'smtp' | 'held'
  /** Resolves when the message was handed over; rejects with the reason it was not. */
  send: (message: OutgoingMessage) => Promise<void>
}

export function createTransport(smtp: { url: string | undefined; from: string }): Transport {
  if (!smtp.url) return { kind: 'held', send: async () => {} }
  const url = smtp.url
  // Loaded at the first message rather than at start-up (issue 16: start-up under 1.5 s).
  let mailer: Promise<Transporter> | undefined
  return {
    kind: 'smtp',
    send: async (m) => {
      mailer ??= import('nodemailer').then((nodemailer) => nodemailer.default.createTransport(url))
      await (await mailer).sendMail({ from: smtp.from, to: m.recipient, subject: m.subject, text: m.body })
    },
  }
}
