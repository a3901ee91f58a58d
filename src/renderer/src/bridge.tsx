/** The preload bridge as React context, and a terminal source built on it for one session. */

import type { EventName, EventPayload, UnmaskBridge } from '@shared/api'
import { createContext, useContext, useEffect } from 'react'
import type { TerminalSource } from './terminal/types'

export const BridgeContext = createContext<UnmaskBridge | undefined>(undefined)
export const useBridge = () => useContext(BridgeContext)

/** Subscribes to a main-process event for the component's lifetime. */
export function useBridgeEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const bridge = useBridge()
  useEffect(() => bridge?.on(event, listener), [bridge, event, listener])
}

/** Output events are shared by all tabs; each source filters its own session. */
export function bridgeSource(bridge: UnmaskBridge, sessionId: string): TerminalSource {
  const ignore = () => {}
  return {
    onData: (listener) =>
      bridge.on('session.data', (p) => {
        if (p.sessionId === sessionId) listener(p.data)
      }),
    write: (data) => void bridge.invoke('session.write', { sessionId, data }).catch(ignore),
    ack: (chars) => void bridge.invoke('session.ack', { sessionId, chars }).catch(ignore),
    resize: (cols, rows) => void bridge.invoke('session.resize', { sessionId, cols, rows }).catch(ignore),
    attach: () => void bridge.invoke('session.attach', { sessionId }).catch(ignore),
  }
}
