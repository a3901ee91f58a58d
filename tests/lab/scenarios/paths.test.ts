import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startLab } from '../../../src/lab'
import { labPerFile, smtpGreeting } from '../helpers/lab-fixture'
import { LineClient } from '../helpers/line-client'

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

describe('a scenario file of ones own', () => {
  it('starts from a JSON file with its config next to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unmask-own-scenario-'))
    try {
      writeFileSync(
        join(dir, 'fw.cfg'),
        'ASA Version 9.8(4)10\nhostname training\npolicy-map global_policy\n class class-default\n  inspect esmtp\nservice-policy global_policy global\n',
      )
      const scenario = {
        name: 'training',
        description: 'own',
        mailHost: { persona: 'postfix', hostname: 'mail.train.test', domain: 'train.test' },
        firewall: {
          id: 'training',
          kind: 'asa',
          family: 'ASA',
          model: 'ASAv',
          version: '9.8(4)10',
          serial: 'X',
          config: 'fw.cfg',
          credentials: { username: 'u', password: 'p', enable: 'e' },
          management: null,
        },
      }
      writeFileSync(join(dir, 'training.json'), JSON.stringify(scenario))
      const lab = await startLab({ scenario: join(dir, 'training.json'), stateDir: join(dir, 'state') })
      try {
        expect(lab.device?.hostname).toBe('training')
        const c = await LineClient.open(lab.smtp.port)
        expect((await c.reply()).text).toMatch(/^220 \*+$/)
        c.close()
      } finally {
        await lab.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
