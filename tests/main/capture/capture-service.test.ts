/**
 * The app's contract for the guided capture (`capture.*` in src/shared/api.ts) through `dispatch`, against the lab
 * ASA: start on its own connection (host key asked with the capture's id), propose, a forged token refused with
 * nothing on the device, the run with step events, the captures removed, and the session closed.
 */
import { describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import type { CaptureProposal, CaptureRunResult } from '../../../src/shared/capture/guided/types'
import { labFixture } from '../../support/lab'
import { labServices } from './lab-services'

const fixture = labFixture('asa9-default')

describe('capture.* through the contract', () => {
  it('start, propose, refuse a forged token, run with step events, remove, close', { timeout: 60_000 }, async () => {
    const { lab } = fixture
    const { services, events, profile, caseId } = labServices(fixture.dir, lab, 'Capture service')
    const handlers = createHandlers(services)
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(handlers, method, input)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.value
    }
    const started = (await call('capture.start', {
      profileId: profile.id,
      caseId,
      password: lab.credentials!.password,
      secret: lab.credentials!.enable,
    })) as { captureId: string; device: string; cleanup: unknown }
    expect(started).toMatchObject({ device: 'ciscoasa', cleanup: null })
    const asked = events.filter((e) => e.event === 'session.hostKey').map((e) => e.payload)
    expect(asked).toEqual([expect.objectContaining({ fixId: started.captureId })])

    const bad = await dispatch(handlers, 'capture.propose', { captureId: started.captureId, mailHost: '' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const proposal = (await call('capture.propose', {
      captureId: started.captureId,
      // The lab config's mail host: interfaces and the mapped address come from its running-config.
      mailHost: '192.168.10.25',
    })) as Extract<CaptureProposal, { status: 'ready' }>
    expect(proposal.status).toBe('ready')
    const probe = { host: '127.0.0.1', port: lab.smtp.port }
    const forged = await call('capture.run', {
      captureId: started.captureId,
      token: 'C'.repeat(43),
      confirmedBy: 'Kim',
      probe,
    })
    expect(forged).toMatchObject({ refused: true, code: 'tokenUnknown' })
    expect(lab.device!.captures.list()).toEqual([])
    expect(events.some((e) => e.event === 'capture.step')).toBe(false)

    const result = (await call('capture.run', {
      captureId: started.captureId,
      token: proposal.token,
      confirmedBy: 'Kim',
      probe,
    })) as CaptureRunResult
    expect(result.findings.map((f) => f.id)).toContain('capture.firewall-rewrote')
    expect(result.removal.map((r) => r.outcome)).toEqual(['removed', 'removed'])
    const steps = events.filter((e) => e.event === 'capture.step').map((e) => (e.payload as { step: string }).step)
    expect(steps).toEqual(['create', 'create', 'probe', 'read', 'read', 'remove'])
    expect(lab.device!.captures.list()).toEqual([])
    await call('capture.close', { captureId: started.captureId })
    const closed = await dispatch(handlers, 'capture.propose', {
      captureId: started.captureId,
      mailHost: '127.0.0.1',
    })
    expect(closed).toMatchObject({ ok: false })
  })
})
