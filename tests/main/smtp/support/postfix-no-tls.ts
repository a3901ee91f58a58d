/**
 * Debian's Postfix with TLS switched off (`smtpd_tls_security_level = none`), the way an admin would do it on a
 * running instance: the shared test Postfix is started, then `postconf -e` and `postfix reload`, and we wait
 * until a new smtpd no longer offers STARTTLS.
 */
import { execFileSync } from 'node:child_process'
import { probe } from '../../../../src/main/smtp/probe'
import { makeCertificate } from '../../../support/hostile-smtp'
import { type PostfixInstance, startPostfix } from '../../../support/postfix'

export async function startPostfixWithoutTls(): Promise<PostfixInstance> {
  const cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'] })
  const postfix = await startPostfix({ cert })
  const env = { ...process.env, MAIL_CONFIG: postfix.dir }
  execFileSync('/usr/sbin/postconf', ['-c', postfix.dir, '-e', 'smtpd_tls_security_level = none'], { env })
  execFileSync('/usr/sbin/postfix', ['-c', postfix.dir, 'reload'], { env, stdio: 'pipe', timeout: 30_000 })
  for (let i = 0; i < 50; i++) {
    const r = await probe(
      { host: postfix.host, port: postfix.port },
      { starttlsAlways: false, timeouts: { totalMs: 10_000 } },
    )
    if (r.greeting && !r.greeting.extensions.some((e) => e.keyword === 'STARTTLS')) return postfix
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await postfix.stop()
  throw new Error('postfix still offers STARTTLS after smtpd_tls_security_level = none and a reload')
}
