import { describe, expect, it } from 'vitest'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'

describe('clean-path scenario', () => {
  const { lab, track } = labPerFile('clean-path')

  it('has no firewall: the SMTP endpoint and the direct one look the same', async () => {
    expect(lab().device).toBeUndefined()
    expect(lab().management).toBeUndefined()
    const through = await smtpGreeting(lab().smtp.port, track)
    const direct = await smtpGreeting(lab().direct.port, track)
    expect(through.banner).toBe('220 mail.lab.test ESMTP Postfix (Debian/GNU)')
    expect(through.ehlo).toEqual(direct.ehlo)
    expect(through.ehlo).toContain('250-STARTTLS')
    expect(through.starttls).toMatch(/^220 /)
    const tls = await through.client.startTls(lab().mailHost.certificate.cert, 'mail.lab.test')
    expect(tls.authorized).toBe(true)
  })
})

describe('remote-side scenario', () => {
  const { lab, track } = labPerFile('remote-side')

  it("masks the partner's Exchange behind their ASA, with no management endpoint to log in to", async () => {
    expect(lab().management).toBeUndefined()
    expect(lab().credentials).toBeUndefined()
    expect(lab().device?.currentPolicy().kind).toBe('esmtp')
    const through = await smtpGreeting(lab().smtp.port, track)
    expect(through.banner).toMatch(/^220 \*+$/)
    expect(through.ehlo).toContain('250-XXXXXXXA')
    expect(through.starttls).toBe("500 5.3.3 Unrecognized command 'XXXXXXXX'")
    const direct = await smtpGreeting(lab().direct.port, track)
    expect(direct.banner).toMatch(/^220 mx\.partner\.lab\.test Microsoft ESMTP MAIL Service ready at /)
  })
})
