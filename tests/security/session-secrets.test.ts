/**
 * A real SSH session to the lab ASA through the app's own services: the password and enable secret never
 * appear in anything the renderer receives, in the case folder or in the profile and key files; and a
 * device whose host key changed is refused outright, with both fingerprints, without asking.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Lab, startLab } from '../../src/lab'
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import { createServices } from '../../src/main/services'
import { makeTempDir } from '../support/temp-dir'

let labs: Lab[] = []
let temps: Array<ReturnType<typeof makeTempDir>> = []
afterEach(async () => {
  for (const lab of labs) await lab.stop()
  for (const t of temps) t.remove()
  labs = []
  temps = []
})

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? allFiles(path) : [path]
  })
}

async function setup(labStateDir?: string, port?: number) {
  const home = makeTempDir()
  temps.push(home)
  const lab = await startLab({
    scenario: 'asa9-default',
    stateDir: labStateDir ?? join(home.path, 'lab'),
    ports: port ? { management: port } : undefined,
  })
  labs.push(lab)
  return { home, lab }
}

describe('secrets and host keys in a real device session', () => {
  it('the password and enable secret reach the device but no event, file or journal', async () => {
    const { home, lab } = await setup()
    const events: string[] = []
    const services = createServices({
      home: home.path,
      encryptor: null,
      emit: (e, p) => events.push(JSON.stringify([e, p])),
    })
    const handlers = createHandlers(services)
    const profileId = randomUUID()
    await dispatch(handlers, 'profiles.saveDevice', {
      id: profileId,
      name: 'lab',
      transport: 'ssh',
      host: '127.0.0.1',
      port: lab.management!.port,
      username: lab.credentials!.username,
    })
    const { password, enable } = lab.credentials!
    const created = (await dispatch(handlers, 'cases.create', { customer: 'Secrets' })) as {
      ok: true
      value: { id: string }
    }
    const caseId = created.value.id
    const opening = dispatch(handlers, 'session.open', { profileId, password, secret: enable, remember: true, caseId })
    await expect.poll(() => events.some((e) => e.includes('session.hostKey'))).toBe(true)
    const question = JSON.parse(events.find((e) => e.includes('session.hostKey'))!)[1] as { requestId: string }
    await dispatch(handlers, 'session.hostKeyDecision', { requestId: question.requestId, accept: true })
    const opened = await opening
    expect(opened.ok).toBe(true)
    const sessionId = (opened as { value: { sessionId: string } }).value.sessionId
    await dispatch(handlers, 'session.attach', { sessionId })
    await dispatch(handlers, 'session.write', { sessionId, data: 'enable\r' })
    await expect.poll(() => events.join('').includes('Password:')).toBe(true)
    await dispatch(handlers, 'session.write', { sessionId, data: `${enable}\r` })
    await expect.poll(() => /ciscoasa# ?"/.test(events.join(''))).toBe(true)
    // The evidence script in the same shell enters enable with the secret again, then reads the configuration.
    const evidence = (await dispatch(handlers, 'session.runEvidence', { sessionId })) as {
      ok: true
      value: { enabled: boolean; transcript: string }
    }
    expect(evidence.ok).toBe(true)
    expect(evidence.value.enabled).toBe(true)
    expect(evidence.value.transcript).toContain('inspect esmtp')
    await dispatch(handlers, 'session.close', { sessionId })
    await expect
      .poll(() => services.cases.read(caseId).entries.some((e) => e.type === 'device.session.closed'))
      .toBe(true)
    const journal = services.cases.read(caseId)
    expect(journal.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['device.session.opened', 'device.evidence']),
    )
    expect(journal.attachments.some((a) => a.name.endsWith('.log'))).toBe(true)

    const renderer = events.join('\n')
    expect(renderer).not.toContain(password)
    expect(renderer).not.toContain(enable)
    // With no keychain encryption, "remember" stores nothing.
    for (const file of allFiles(home.path).filter((f) => !f.includes(`${join(home.path, 'lab')}`))) {
      const text = readFileSync(file, 'latin1')
      expect({ file, leaks: text.includes(password) || text.includes(enable) }).toEqual({ file, leaks: false })
    }
  })

  it('a changed host key blocks the connection, naming both fingerprints, and asks nothing', async () => {
    const first = await setup()
    const events: string[] = []
    const services = createServices({
      home: first.home.path,
      encryptor: null,
      emit: (e, p) => events.push(JSON.stringify([e, p])),
    })
    const handlers = createHandlers(services)
    const profileId = randomUUID()
    const port = first.lab.management!.port
    await dispatch(handlers, 'profiles.saveDevice', {
      id: profileId,
      name: 'lab',
      transport: 'ssh',
      host: '127.0.0.1',
      port,
      username: 'admin',
    })
    const opening = dispatch(handlers, 'session.open', { profileId, password: first.lab.credentials!.password })
    await expect.poll(() => events.some((e) => e.includes('session.hostKey'))).toBe(true)
    const question = JSON.parse(events.find((e) => e.includes('session.hostKey'))!)[1] as {
      requestId: string
      fingerprint: string
    }
    await dispatch(handlers, 'session.hostKeyDecision', { requestId: question.requestId, accept: true })
    const opened = (await opening) as { ok: true; value: { sessionId: string } }
    await dispatch(handlers, 'session.close', { sessionId: opened.value.sessionId })

    // Same address and port, new host key: the lab restarted with fresh state, as a swapped box would be.
    await first.lab.stop()
    labs = labs.filter((l) => l !== first.lab)
    const other = makeTempDir()
    temps.push(other)
    const second = await startLab({ scenario: 'asa9-default', stateDir: other.path, ports: { management: port } })
    labs.push(second)
    const questionsBefore = events.filter((e) => e.includes('session.hostKey')).length
    const refused = await dispatch(handlers, 'session.open', { profileId, password: second.credentials!.password })
    expect(refused.ok).toBe(false)
    const message = (refused as { error: { message: string } }).error.message
    expect(message).toMatch(/hostKeyChanged/)
    expect(message).toContain(question.fingerprint)
    expect(events.filter((e) => e.includes('session.hostKey')).length).toBe(questionsBefore)
  })
})
