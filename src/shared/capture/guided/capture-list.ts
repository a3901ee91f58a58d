/**
 * `show capture` (no name): the captures that exist on the device, one header line each, then its match line:
 *
 *   capture CAPI type raw-data interface INSIDE [Capturing - 752 bytes]
 *     match icmp host 192.168.103.1 host 192.168.101.1
 *
 * Source: Cisco TechNote 212474 "Work with Firepower Threat Defense Captures and Packet Tracer" (FTD 6.1/6.2; the
 * LINA capture is the ASA's), https://www.cisco.com/c/en/us/support/docs/security/firepower-ngfw/212474-working-with-firepower-threat-defense-f.html
 * (copy: https://iautomatix.com.np/knowledge-base/work-with-ftd-lina-engine-captures-firepower). The guided capture
 * reads it before proposing names, so a customer's own capture is never reused or removed, and after removal, to
 * confirm its own captures are gone.
 */

export interface ListedCapture {
  name: string
  interface: string | null
  /** `Capturing - N bytes`; null when the header says something else (stopped, buffer full). */
  bytes: number | null
  match: string | null
}

const HEADER = /^capture (\S+)\b(.*)$/
const IFACE = /\binterface (\S+)/
const BYTES = /\[Capturing - (\d+) bytes\]/

export function readCaptureList(text: string): ListedCapture[] {
  const out: ListedCapture[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const head = HEADER.exec(line)
    if (head) {
      const bytes = BYTES.exec(head[2]!)
      out.push({
        name: head[1]!,
        interface: IFACE.exec(head[2]!)?.[1] ?? null,
        bytes: bytes ? Number(bytes[1]) : null,
        match: null,
      })
      continue
    }
    const last = out[out.length - 1]
    if (last && last.match === null && line.startsWith('match ')) last.match = line
  }
  return out
}
