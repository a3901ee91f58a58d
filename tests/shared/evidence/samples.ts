/**
 * Small SMTP samples in the shapes real tools print. Where a sample is written for the test (no public capture
 * exists), it follows the tool's documented format; the device-output fixtures hold the real captures.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type NumberedLine, numberLines } from '../../../src/shared/evidence/types'

export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'device-output', name), 'utf8')
}

export function fixtureLines(name: string): NumberedLine[] {
  return numberLines(fixtureText(name))
}

/** swaks 20240103 output, STARTTLS accepted (format of swaks' `-tls` run). */
export const SWAKS_TLS_OK = `=== Trying mx.example.org:25...
=== Connected to mx.example.org.
<-  220 mx.example.org ESMTP Postfix
 -> EHLO client.example.net
<-  250-mx.example.org
<-  250-PIPELINING
<-  250-SIZE 10240000
<-  250-STARTTLS
<-  250 8BITMIME
 -> STARTTLS
<-  220 2.0.0 Ready to start TLS
=== TLS started with cipher TLSv1.3:TLS_AES_256_GCM_SHA384:256
=== TLS no local certificate set
 ~> EHLO client.example.net
<~  250-mx.example.org
<~  250 8BITMIME
 ~> QUIT
<~  221 2.0.0 Bye
=== Connection closed with remote host.
`

/** swaks through an inspecting ASA: STARTTLS masked, then X-ed (Postfix's reply, as in the toolchain notes). */
export const SWAKS_MASKED = `=== Trying 192.0.2.25:25...
=== Connected to 192.0.2.25.
<-  220 ************************************
 -> EHLO client.example.net
<-  250-mx.example.org
<-  250-PIPELINING
<-  250-SIZE 10240000
<-  250-XXXXXXXA
<-  250 8BITMIME
 -> STARTTLS
<** 500 5.5.2 Error: command not recognized
*** STARTTLS attempted but failed
 -> QUIT
<-  221 2.0.0 Bye
`

export const SC_TRANSCRIPT = `S: 220 mail.example.com ESMTP
C: EHLO probe.example.net
S: 250-mail.example.com Hello probe.example.net [198.51.100.7]
S: 250-SIZE 52428800
S: 250 XXXXXXXA
C: STARTTLS
S: 500 #5.5.1 command not recognized
C: QUIT
S: 221 mail.example.com closing connection
`

/** A Postfix bounce quoting the remote reply, wrapped as Postfix wraps it. */
export const POSTFIX_NDR = `This is the mail system at host mail.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<user@example.org>: host mx.example.org[192.0.2.25] said: 500 5.5.1 Command
    unrecognized: "XXXXXXXX" (in reply to end of DATA command)
`

/** Gmail's wording of the same (knowledge file, S#36). */
export const GMAIL_NDR = `Delivery to the following recipient failed permanently:

     user@example.org

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the recipient domain example.org by mx.example.org. [192.0.2.25].

The error that the other server returned was:
500 500 5.5.1 Command unrecognized: "XXXXXXXX" (state 8)
`

/** The RFC 5321 look-alike: an extension on the EHLO reply's first line. */
export const STARTTLS_BEFORE_GREETING = `220 mx.partner.example ESMTP
EHLO esa.example.net
250-STARTTLS
250-mx.partner.example Hello esa.example.net [203.0.113.9]
250-SIZE 20480000
250 8BITMIME
`
