/**
 * The roots a certificate is judged against: Node's bundled Mozilla roots plus the operating system's
 * bundle (Node 20 cannot read the system store itself), plus any roots the caller adds (a customer's
 * private CA). The secure context is built once per set of extra roots: parsing ~300 roots for each of 50
 * parallel probes would cost more than the probes.
 */
import { readFileSync } from 'node:fs'
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls'

const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem']

const MAX_CONTEXTS = 16
let systemRoots: string[] | undefined
const contexts = new Map<string, SecureContext>()

function readSystemRoots(): string[] {
  for (const path of SYSTEM_BUNDLES) {
    try {
      const pem = readFileSync(path, 'utf8')
      return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
    } catch {
      // not on this system; try the next place
    }
  }
  return []
}

/** `legacy` also allows TLS 1.0/1.1 and OpenSSL's security level 0 (SHA-1, small keys) for old servers. */
export function trustContext(extraRoots: string[] = [], legacy = false): SecureContext {
  const key = `${legacy}\n${extraRoots.join('\n')}`
  let context = contexts.get(key)
  if (!context) {
    systemRoots ??= readSystemRoots()
    const ca = [...rootCertificates, ...systemRoots, ...extraRoots]
    context = createSecureContext(legacy ? { ca, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } : { ca })
    if (contexts.size >= MAX_CONTEXTS) contexts.clear()
    contexts.set(key, context)
  }
  return context
}
