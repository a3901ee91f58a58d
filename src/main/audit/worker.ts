/** The audit worker thread: takes file tasks from the pool, answers with a row or a skip for each. */
import { parentPort } from 'node:worker_threads'
import { auditFile } from './audit-file'
import type { AuditResult, AuditTask } from './protocol'

const port = parentPort
if (port) {
  port.on('message', (task: AuditTask) => {
    void auditFile(task.file, task.maxBytes).then((outcome) => {
      const result: AuditResult = { seq: task.seq, outcome }
      port.postMessage(result)
    })
  })
}
