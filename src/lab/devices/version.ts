/** Cisco release strings such as `7.2(3)`, `9.8(4)10`, `6.3(5)` or FTD's `7.2.5`, as comparable numbers. */
export function versionParts(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number)
}

export function versionBefore(version: string, other: string): boolean {
  const a = versionParts(version)
  const b = versionParts(other)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x < y
  }
  return false
}
