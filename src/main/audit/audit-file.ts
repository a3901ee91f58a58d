/** One file, read and audited: what each worker thread does per task (and what the tests call directly). */
import { type AuditOutcome, auditText } from '../../shared/audit/row'
import { readConfig } from './read-config'

export async function auditFile(file: string, maxBytes: number): Promise<AuditOutcome> {
  const read = await readConfig(file, maxBytes)
  if (!read.ok) return { kind: 'skip', file, reason: read.skip.reason, detail: read.skip.detail }
  try {
    return auditText(file, read.text)
  } catch (error) {
    // An engine failure on one odd file must not stop a fleet run: the file is reported, the run goes on.
    return { kind: 'skip', file, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) }
  }
}
