import type { UnmaskBridge } from '../shared/api'

declare global {
  interface Window {
    unmask?: UnmaskBridge
  }
}
