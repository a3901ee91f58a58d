/**
 * Quitting the app ends every device connection the services hold (src/main/index.ts `before-quit` →
 * closeDeviceConnections): a guided capture's session is closed too, not only terminal sessions and remediation runs.
 */
import { describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import { closeDeviceConnections } from '../../src/main/services'
import { labFixture } from '../support/lab'
import { labServices } from './capture/lab-services'

const fixture = labFixture('asa9-default')

describe('closeDeviceConnections', () => {
  it('closes an open guided-capture session, after which it answers no more', { timeout: 60_000 }, async () => {
    const { lab } = fixture
    const { services, profile, caseId } = labServices(fixture.dir, lab, 'Quit')
    const handlers = createHandlers(services)
    const started = await dispatch(handlers, 'capture.start', {
      profileId: profile.id,
      caseId,
      password: lab.credentials!.password,
      secret: lab.credentials!.enable,
    })
    if (!started.ok) throw new Error(started.error.message)
    const { captureId } = started.value as { captureId: string }
    const before = await dispatch(handlers, 'capture.propose', { captureId, mailHost: '127.0.0.1' })
    expect(before.ok).toBe(true)

    await closeDeviceConnections(services)

    const after = await dispatch(handlers, 'capture.propose', { captureId, mailHost: '127.0.0.1' })
    expect(after.ok).toBe(false)
    expect(lab.device!.captures.list()).toEqual([])
  })
})
