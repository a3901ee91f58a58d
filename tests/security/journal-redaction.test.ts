/**
 * Issue 14: one rule set (the report's, src/shared/redaction) for what a case stores. Journal entries (device output,
 * pasted text, transcripts) and the text files Unmask attaches (evidence transcripts, session logs) are written
 * redacted; only the running-config backup taken before a change keeps the device's text byte for byte (undo needs
 * it), and a file attached as bytes (`unmask case attach`) is stored as it came, for its SHA-256.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseStore } from '../../src/main/cases/case-store'
import { makeTempDir } from '../support/temp-dir'

let temp: ReturnType<typeof makeTempDir> | undefined
afterEach(() => temp?.remove())

const CONFIG = [
  'hostname fw1',
  'enable password Pl4nted-Enable encrypted',
  'aaa-server ISE (inside) host 10.1.1.5',
  ' key Pl4nted-Aaa-Key',
  'snmp-server community Pl4nted-Comm',
  ' authentication key eigrp 100 Pl4nted-Eigrp key-id 1',
  'policy-map global_policy',
  '  inspect esmtp',
  '',
].join('\n')

describe('what a case stores on disk', () => {
  it('journal entries and text attachments are redacted by the report rules; the backup is not', () => {
    temp = makeTempDir()
    const handle = new CaseStore(temp.path).create({ customer: 'Acme' })
    handle.append('device.output', { device: 'fw1', command: 'show running-config', output: CONFIG })
    handle.append('evidence.added', { source: 'paste', text: CONFIG, kind: undefined })
    handle.attach('evidence-ssh.txt', CONFIG)
    const backup = handle.attach('running-config-fw1-before-apply-2026-12-05T10-00-00-000Z.txt', CONFIG)
    const sent = Buffer.from(CONFIG, 'utf8')
    const customerFile = handle.attach('customer-config.txt', sent)
    handle.close()

    const journal = readFileSync(join(handle.dir, 'journal.jsonl'), 'utf8')
    expect(journal).not.toMatch(/Pl4nted/)
    expect(journal).toContain('enable password [REDACTED] encrypted')
    // What the diagnosis reads is still there.
    expect(journal).toContain('inspect esmtp')
    const files = readdirSync(join(handle.dir, 'attachments'))
    const text = (name: string) => readFileSync(join(handle.dir, 'attachments', name), 'utf8')
    const evidence = files.find((f) => f.endsWith('evidence-ssh.txt'))!
    expect(text(evidence)).not.toMatch(/Pl4nted/)
    expect(text(evidence).split('\n')).toHaveLength(CONFIG.split('\n').length)
    expect(text(backup.name)).toBe(CONFIG)
    expect(text(customerFile.name)).toBe(CONFIG)
  })
})
