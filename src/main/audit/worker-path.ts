/**
 * Where the built audit worker is. electron-vite bundles `./worker` as its own chunk and gives its path here
 * (the documented `?modulePath` import of electron-vite, see node_modules/electron-vite/node.d.ts); only the built
 * CLI and app import this file, tests and benches pass worker.ts to runAudit directly.
 */
import workerPath from './worker?modulePath'

export const AUDIT_WORKER: string = workerPath
