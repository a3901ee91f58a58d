/// <reference types="electron-vite/node" />
/**
 * Where the built audit worker is. electron-vite bundles `./worker` as its own chunk and gives its path here
 * (the documented `?modulePath` import of electron-vite, see node_modules/electron-vite/node.d.ts); only the built
 * CLI and app import this file, tests and benches pass worker.ts to runAudit directly.
 */
// The reference above types `?modulePath` wherever this file is compiled (the web project reaches it through the
// e2e harness → api-handlers → audit-service).
import workerPath from './worker?modulePath'

export const AUDIT_WORKER: string = workerPath
