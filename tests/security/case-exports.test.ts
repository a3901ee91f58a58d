/**
 * Issue 14: the case journal holds device output and transcripts as captured. `unmask case show --json` prints it
 * redacted by the report's rules unless `--raw` is given; the IPC contract no longer has `cases.open` (the renderer
 * never called it), so no method hands the raw journal to the renderer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import { CaseStore } from '../../src/main/cases/case-store'
import { createServices } from '../../src/main/services'
import { requests } from '../../src/shared/api'
import { runUnmask } from '../support/cli'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => temp?.remove())

function caseWithSecrets(): { home: string; id: string } {
  temp = makeTempDir()
  const store = new CaseStore(temp.path)
  const handle = store.create({ customer: 'Acme' })
  handle.append('device.output', {
    device: 'ciscoasa',
    command: 'show running-config',
    output: 'enable password Pl4nted-Enable encrypted\naaa-server ISE (inside) host 10.1.1.5\n key Pl4nted-Aaa\n',
  })
  handle.append('evidence.added', { source: 'paste', text: 'snmp-server community Pl4nted-Comm\n' })
  // A string the engineer marked: the rules do not know it, so it is stored as written and removed on export.
  handle.append('redaction.mark', { text: 'Acme-Internal-Name' })
  handle.append('evidence.added', { source: 'notes', text: 'mail relay of Acme-Internal-Name\n' })
  handle.close()
  return { home: temp.path, id: handle.id }
}

describe('case exports are redacted by default', () => {
  it('case show --json hides every planted secret and marked string; --raw shows the journal as stored', async () => {
    const { home, id } = caseWithSecrets()
    const shown = await runUnmask(['case', 'show', id, '--json'], { UNMASK_HOME: home })
    expect(shown.code).toBe(0)
    expect(shown.stdout).not.toMatch(/Pl4nted/)
    expect(shown.stdout).toContain('enable password [REDACTED] encrypted')
    expect(shown.stdout).toContain('aaa-server ISE (inside) host 10.1.1.5')
    const text = await runUnmask(['case', 'show', id], { UNMASK_HOME: home })
    expect(text.stdout).not.toMatch(/Pl4nted/)
    const raw = await runUnmask(['case', 'show', id, '--json', '--raw'], { UNMASK_HOME: home })
    expect(raw.code).toBe(0)
    // What the rules found never reached the disk (journal-redaction.test.ts); a marked string did.
    expect(raw.stdout).not.toMatch(/Pl4nted/)
    expect(raw.stdout).toContain('mail relay of Acme-Internal-Name')
    expect(shown.stdout).not.toContain('mail relay of Acme-Internal-Name')
  })

  it('the contract has no cases.open: the raw journal cannot be asked for over IPC', async () => {
    const { home, id } = caseWithSecrets()
    expect(Object.keys(requests)).not.toContain('cases.open')
    const handlers = createHandlers(createServices({ home, encryptor: null, emit: () => {} }))
    expect(await dispatch(handlers, 'cases.open', { id })).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    })
    // Nothing else returns the entries either.
    const listed = await dispatch(handlers, 'cases.list', undefined)
    expect(JSON.stringify(listed)).not.toMatch(/Pl4nted/)
  })
})
