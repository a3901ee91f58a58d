/**
 * The app's main services and contract handlers in a temporary Unmask home, as the window would use them, with every
 * host key question accepted at once (for tests about something else: passwords, logs). Closed by the caller's hook.
 */
import { createHandlers, dispatch } from '../../src/main/api-handlers'
import type { Encryptor } from '../../src/main/secrets/secret-store'
import { createServices } from '../../src/main/services'
import { makeTempDir } from '../support/temp-dir'

export type Closer = () => Promise<void> | void

export function startApp(encryptor: Encryptor | null, closers: Closer[]) {
  const home = makeTempDir()
  closers.push(() => home.remove())
  const events: string[] = []
  const services = createServices({
    home: home.path,
    encryptor,
    emit: (e, p) => {
      events.push(JSON.stringify([e, p]))
      if (e === 'session.hostKey')
        void dispatch(handlers, 'session.hostKeyDecision', {
          requestId: (p as { requestId: string }).requestId,
          accept: true,
        })
    },
  })
  const handlers = createHandlers(services)
  closers.push(() => services.sessions.closeAll())
  return { home: home.path, handlers, services, events }
}
