/**
 * The app's remediation service against the lab ASA: start reads the device and proposes plans, apply streams
 * each line as an event while it journals it, verify re-runs the case's probes, and nothing is sent without the
 * token and the typed hostname.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../../src/main/services'
import type { EventName } from '../../../src/shared/api'
import type { ApplyResult, Preview, Refusal, VerifyResult } from '../../../src/shared/fix/types'
import { deviceProfileSchema } from '../../../src/shared/profiles'
import { labFixture } from '../../support/lab'

const fixture = labFixture('asa9-default')

describe('remediation service', () => {
  it('reads, previews, refuses a wrong hostname, applies with live line events, verifies against the case probes', {
    timeout: 60_000,
  }, async () => {
    const { lab } = fixture
    const events: Array<{ event: EventName; payload: unknown }> = []
    const services = createServices({
      home: fixture.dir,
      encryptor: null,
      emit: (event, payload) => events.push({ event, payload }),
      probeOptions: { timeouts: { totalMs: 15_000 } },
    })
    // Host keys are asked about by the one owner of such questions, the same the terminal uses: answer yes.
    const answer = setInterval(() => {
      for (const e of events.filter((x) => x.event === 'session.hostKey'))
        services.sessions.decideHostKey((e.payload as { requestId: string }).requestId, true)
    }, 20)
    try {
      const profile = deviceProfileSchema.parse({
        id: randomUUID(),
        name: 'lab',
        transport: 'ssh',
        host: '127.0.0.1',
        port: lab.management!.port,
        username: lab.credentials!.username,
      })
      const handle = services.cases.create({ customer: 'Remediation service' })
      handle.close()
      await services.investigation.runProbes(
        [
          { host: '127.0.0.1', port: lab.direct.port, vantage: 'direct' },
          { host: '127.0.0.1', port: lab.smtp.port, vantage: 'firewall' },
        ],
        handle.id,
      )
      const started = await services.remediation.start({ caseId: handle.id, lang: 'en' }, profile, {
        password: lab.credentials!.password,
        secret: lab.credentials!.enable,
      })
      expect(started.device.hostname).toBe('ciscoasa')
      // The question names the run that asks, not a terminal session.
      const asked = events.filter((e) => e.event === 'session.hostKey').map((e) => e.payload)
      expect(asked).toEqual([expect.objectContaining({ fixId: started.fixId, host: '127.0.0.1' })])
      expect(asked[0]).not.toHaveProperty('sessionId')
      expect(started.analysis.remedies.map((r) => r.id)).toContain('asa.no-inspect-esmtp')

      const preview = (await services.remediation.preview(started.fixId, 'asa.no-inspect-esmtp')) as Preview
      expect(preview.token).toBeTruthy()
      const wrong = (await services.remediation.apply(started.fixId, {
        token: preview.token!,
        typedHostname: 'otherfw',
        confirmedBy: 'Kim',
      })) as Refusal
      expect(wrong).toMatchObject({ refused: true, code: 'hostnameMismatch' })
      expect(events.some((e) => e.event === 'fix.line')).toBe(false)

      const second = (await services.remediation.preview(started.fixId, 'asa.no-inspect-esmtp')) as Preview
      const applied = (await services.remediation.apply(started.fixId, {
        token: second.token!,
        typedHostname: 'ciscoasa',
        confirmedBy: 'Kim',
      })) as ApplyResult
      expect(applied.outcome).toBe('applied')
      const lines = events
        .filter((e) => e.event === 'fix.line')
        .map((e) => e.payload as { command: string; index: number })
      expect(lines.map((l) => l.command)).toEqual(applied.sent.map((s) => s.command))
      expect(lines.map((l) => l.index)).toEqual(applied.sent.map((s) => s.index))

      const verified = (await services.remediation.verify(started.fixId, 'asa.no-inspect-esmtp')) as VerifyResult
      expect(verified.outcome).toBe('fixed')
      expect(verified.probes.map((p) => p.target.vantage).sort()).toEqual(['direct', 'firewall'])
      await services.remediation.close(started.fixId)
      const types = services.cases.read(handle.id).entries.map((e) => e.type)
      expect(types).toEqual(
        expect.arrayContaining(['fix.preview', 'fix.refused', 'fix.backup', 'fix.applied', 'fix.verified']),
      )
    } finally {
      clearInterval(answer)
      await services.remediation.closeAll()
      await services.sessions.closeAll()
    }
  })
})
