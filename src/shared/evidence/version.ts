/**
 * Cisco PIX/ASA software versions: `9.8(4)10`, `7.2(3)`, `6.3(5)`, `9.5(2)204`, `8.4(5)` and FTD's `6.6.0`.
 * Compared as numbers so that `7.2(10)` is later than `7.2(3)`.
 */

export interface SoftwareVersion {
  text: string
  major: number
  minor: number
  maintenance: number
  /** The interim/build number after the parenthesis (`10` in `9.8(4)10`), 0 when absent. */
  build: number
}

const CISCO = /^(\d{1,3})\.(\d{1,3})(?:\((\d{1,4})\)(\d{1,5})?|\.(\d{1,4}))?/

export function parseVersion(text: string): SoftwareVersion | null {
  const m = CISCO.exec(text.trim())
  if (!m) return null
  return {
    text: m[0],
    major: Number(m[1]),
    minor: Number(m[2]),
    maintenance: Number(m[3] ?? m[5] ?? 0),
    build: Number(m[4] ?? 0),
  }
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareVersions(a: SoftwareVersion, b: SoftwareVersion): number {
  return a.major - b.major || a.minor - b.minor || a.maintenance - b.maintenance || a.build - b.build
}

export function versionAtLeast(v: SoftwareVersion, major: number, minor: number, maintenance = 0): boolean {
  return compareVersions(v, { text: '', major, minor, maintenance, build: 0 }) >= 0
}

/**
 * `allow-tls` in an ESMTP inspect map exists from 7.2(3) on the 7.2 train and 8.0(3) on the 8.0 train
 * (Cisco Security Manager 4.4: "ASA7.2.3+, 8.0.3+/PIX7.2.3"); 8.1 and later have it.
 */
export function supportsAllowTls(v: SoftwareVersion): boolean {
  if (v.major < 7) return false
  if (v.major === 7) return v.minor > 2 || (v.minor === 2 && v.maintenance >= 3)
  if (v.major === 8 && v.minor === 0) return v.maintenance >= 3
  return true
}

/** PIX/ASA releases before 7.2(3) drop mail with DK/DKIM headers under any SMTP inspection (Cisco 118550). */
export function hasDuplicateHeaderBug(v: SoftwareVersion): boolean {
  return !versionAtLeast(v, 7, 2, 3)
}
