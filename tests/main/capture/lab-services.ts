/**
 * The app's main-process services (createServices) against a lab: a saved device profile for the lab firewall, a
 * case, every event kept, host-key questions answered yes (as the device pane's dialog would be), and a bridge that
 * calls the real handlers through `dispatch` — window.unmask without the IPC hop, for the contract and panel tests.
 */
import { randomUUID } from 'node:crypto'
import type { Lab } from '../../../src/lab'
import { createHandlers, dispatch } from '../../../src/main/api-handlers'
import { createServices } from '../../../src/main/services'
import { ApiCallError, type EventName, type UnmaskBridge } from '../../../src/shared/api'
import { type DeviceProfile, deviceProfileSchema } from '../../../src/shared/profiles'

export interface LabServices {
  services: ReturnType<typeof createServices>
  events: Array<{ event: EventName; payload: unknown }>
  profile: DeviceProfile
  caseId: string
  bridge: UnmaskBridge
}

export function labServices(home: string, lab: Lab, customer: string): LabServices {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const events: LabServices['events'] = []
  const services = createServices({
    home,
    encryptor: null,
    emit: (event, payload) => {
      events.push({ event, payload })
      if (event === 'session.hostKey')
        setTimeout(() => services.sessions.decideHostKey((payload as { requestId: string }).requestId, true), 0)
      for (const l of listeners.get(event) ?? []) l(payload)
    },
  })
  const profile = deviceProfileSchema.parse({
    id: randomUUID(),
    name: 'lab',
    transport: 'ssh',
    host: '127.0.0.1',
    port: lab.management!.port,
    username: lab.credentials!.username,
  })
  services.profiles.saveDevice(profile)
  const handle = services.cases.create({ customer })
  handle.close()
  const handlers = createHandlers(services)
  const bridge: UnmaskBridge = {
    invoke: (async (method: string, input: unknown) => {
      const r = await dispatch(handlers, method, input)
      if (!r.ok) throw new ApiCallError(r.error)
      return r.value
    }) as UnmaskBridge['invoke'],
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }) as UnmaskBridge['on'],
  }
  return { services, events, profile, caseId: handle.id, bridge }
}
