import type { MailHostAddresses } from '../capture/addresses'
import type { CaptureStore } from '../capture/store'

/** What the simulated firewall does to SMTP on a new connection, as read from its live configuration. */
export type InspectionPolicy =
  | { kind: 'off' }
  | {
      /** PIX/ASA 7.x+ `inspect esmtp` with an ESMTP inspect map. */
      kind: 'esmtp'
      map: string
      maskBanner: boolean
      allowTls: boolean
      /**
       * `match ehlo-reply-parameter others` + `mask` in the map: every EHLO keyword the map does not pass is masked
       * with a running letter. Default: true for `_default_esmtp_map` (which has it), false for other maps.
       */
      maskOthers?: boolean
      /** `allow-tls action log`: syslog 108007 when TLS starts. */
      logTls?: boolean
      /** Pre-7.2(3) bug: resets the connection when DKIM/DomainKeys signature headers are seen. */
      duplicateHeaderBug: boolean
    }
  | {
      /** PIX 6.x and older `fixup protocol smtp` (MailGuard). */
      kind: 'mailguard'
      duplicateHeaderBug: boolean
    }
  | {
      /**
       * Not a Cisco box: a mail gateway that deletes EHLO lines instead of masking them (F-Secure Internet
       * Gatekeeper deletes CHUNKING, BINARYMIME, PIPELINING and STARTTLS, pix-asa-smtp-inspection.md §7.5).
       * Commands and everything else pass untouched.
       */
      kind: 'delete-lines'
      remove: string[]
    }

/** Counters the proxy increments; the device shows them in `show service-policy inspect esmtp`. */
export interface InspectionCounters {
  packet: number
  drop: number
  resetDrop: number
  maskBanner: number
  ehloMask: number
  commandsMasked: number
  tlsAllowed: number
  cmdLineTooLong: number
  rcptTooMany: number
  headerLineTooLong: number
}

export function newCounters(): InspectionCounters {
  return {
    packet: 0,
    drop: 0,
    resetDrop: 0,
    maskBanner: 0,
    ehloMask: 0,
    commandsMasked: 0,
    tlsAllowed: 0,
    cmdLineTooLong: 0,
    rcptTooMany: 0,
    headerLineTooLong: 0,
  }
}

/** The firewall as the proxy sees it: asked once per new connection, so configuration changes apply to the next one. */
/** Who talks to whom, for syslog lines: `outside:127.0.0.1/53211` and `inside:127.0.0.1/2525`. */
export interface FlowNames {
  client: string
  server: string
}

export interface InspectingFirewall {
  currentPolicy(): InspectionPolicy
  counters: InspectionCounters
  /** Syslog-style line (e.g. %ASA-6-108007) for the lab's event log. */
  log(message: string): void
  /** The device's packet captures (`capture NAME …`); absent on a path without a Cisco device. */
  captures?: CaptureStore
  /**
   * The mail host's addresses as the captures on `hostInterface` (real) and `peerInterface` (mapped) show them, read
   * from the live configuration; asked once per new connection. Absent: the packets carry the sockets' addresses.
   */
  mailHostAddresses?(hostInterface: string, peerInterface: string): MailHostAddresses
}
