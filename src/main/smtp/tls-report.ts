/**
 * What a finished TLS handshake showed: protocol, cipher, the certificate chain as the server sent it,
 * and two separate verdicts: does the chain lead to a trusted root, and does the leaf name the host.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { checkServerIdentity, type DetailedPeerCertificate, type TLSSocket } from 'node:tls'
import type { CertificateInfo, TlsReport } from '../../shared/probe/types'

const MAX_CHAIN = 10

export function describeTls(socket: TLSSocket, hostname: string, now: Date = new Date()): TlsReport {
  const cipher = socket.getCipher()
  const peer = socket.getPeerCertificate(true)
  const chain = peerChain(peer).map((cert) => certificateInfo(cert, now))
  const hasPeer = chain.length > 0
  const identity = hasPeer ? checkServerIdentity(hostname, peer) : new Error('the server sent no certificate')
  const trustError = socket.authorizationError
  return {
    established: true,
    protocol: socket.getProtocol() ?? undefined,
    cipher: cipher?.name,
    cipherStandardName: cipher?.standardName,
    chain,
    verification: {
      trusted: socket.authorized,
      trustError: socket.authorized ? undefined : trustError ? String(trustError) : 'UNVERIFIED',
      hostname,
      hostnameMatches: identity === undefined,
      hostnameError: identity?.message,
    },
  }
}

/** The peer's chain, leaf first; stops at a self-issued certificate (Node links a root to itself). */
function peerChain(peer: DetailedPeerCertificate): X509Certificate[] {
  const out: X509Certificate[] = []
  let current: DetailedPeerCertificate | undefined = peer
  const seen = new Set<string>()
  while (current?.raw && out.length < MAX_CHAIN) {
    if (seen.has(current.fingerprint256)) break
    seen.add(current.fingerprint256)
    out.push(new X509Certificate(current.raw))
    current = current.issuerCertificate
  }
  return out
}

export function certificateInfo(cert: X509Certificate, now: Date): CertificateInfo {
  const from = new Date(cert.validFrom)
  const to = new Date(cert.validTo)
  const key = cert.publicKey
  const details = key.asymmetricKeyDetails
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    san: cert.subjectAltName ? cert.subjectAltName.split(/,\s*/) : [],
    serialNumber: cert.serialNumber,
    validFrom: isoOr(from, cert.validFrom),
    validTo: isoOr(to, cert.validTo),
    expired: to.getTime() < now.getTime(),
    notYetValid: from.getTime() > now.getTime(),
    keyType: key.asymmetricKeyType ?? 'unknown',
    keyBits: details?.modulusLength ?? edwardsBits(key.asymmetricKeyType),
    curve: details?.namedCurve,
    sha256: cert.fingerprint256,
    spkiSha256: createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('hex'),
    selfSigned: cert.subject === cert.issuer && verifiesItself(cert),
  }
}

function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ')
}

function isoOr(date: Date, raw: string): string {
  return Number.isNaN(date.getTime()) ? raw : date.toISOString()
}

function edwardsBits(type: string | undefined): number | undefined {
  if (type === 'ed25519' || type === 'x25519') return 256
  if (type === 'ed448' || type === 'x448') return 456
  return undefined
}

function verifiesItself(cert: X509Certificate): boolean {
  try {
    return cert.verify(cert.publicKey)
  } catch {
    return false
  }
}
