/**
 * The opt-in test message. Its only job is to cross the path: a pre-7.2(3) PIX/ASA misreads the header
 * names listed in a DKIM-Signature's `h=` tag as duplicate headers and drops the connection mid-DATA, so
 * the same message with and without that header tells the old bug apart from other failures. The header is
 * well-formed but carries no valid signature (the probe has no key); receivers treat it as a failed
 * signature, which does not stop delivery of an unsigned-policy domain's mail.
 */
import { randomBytes } from 'node:crypto'
import type { ProbeTestMessage } from '../../shared/probe/types'

/** A mailbox as SMTP needs it: no spaces, brackets or line breaks. */
const MAILBOX = /^[^\s<>()\\,;:"@]+@[A-Za-z0-9.-]+$/

export function isMailbox(text: string): boolean {
  return MAILBOX.test(text) && text.length <= 254
}

/** The DATA lines, without the final `.`; every line is short and none starts with a dot. */
export function testMessageLines(message: ProbeTestMessage, now: Date = new Date()): string[] {
  const domain = message.from.split('@')[1] ?? 'unmask.invalid'
  const id = randomBytes(8).toString('hex')
  const headers = [
    `From: <${message.from}>`,
    `To: <${message.to}>`,
    `Subject: ${message.subject ?? `Unmask mail path test ${id}`}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@${domain}>`,
  ]
  if (message.dkimSignature) {
    headers.push(
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=unmask;`,
      '\th=From:To:Subject:Date:Message-ID; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;',
      `\tb=${randomBytes(48).toString('base64')}`,
    )
  }
  return [
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This message was sent by Unmask to test the mail path between two servers.',
    'It needs no action and may be deleted.',
  ]
}
