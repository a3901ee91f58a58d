/**
 * The mail host's self-signed certificate: made once, then reused from the lab state folder so that a client
 * which pinned it (or a test that trusts it as its CA) keeps working across lab restarts.
 */

import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { ensureDir } from '../state-dir'

export interface LabCertificate {
  key: string
  cert: string
  /** SHA-256 fingerprint as openssl prints it (AA:BB:...). */
  fingerprint256: string
}

export async function loadOrCreateCertificate(stateDir: string, hostname: string): Promise<LabCertificate> {
  const dir = ensureDir(join(stateDir, 'tls'))
  const safeName = hostname.replace(/[^A-Za-z0-9.-]/g, '_')
  const keyPath = join(dir, `${safeName}.key.pem`)
  const certPath = join(dir, `${safeName}.cert.pem`)
  if (existsSync(keyPath) && existsSync(certPath)) {
    const key = readFileSync(keyPath, 'utf8')
    const cert = readFileSync(certPath, 'utf8')
    const parsed = tryParse(cert)
    if (parsed && new Date(parsed.validTo).getTime() > Date.now() + 86_400_000) {
      return { key, cert, fingerprint256: parsed.fingerprint256 }
    }
  }
  const notAfter = new Date(Date.now() + 365 * 86_400_000)
  const pems = await generate([{ name: 'commonName', value: hostname }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: hostname },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  })
  writeFileSync(keyPath, pems.private, { mode: 0o600 })
  writeFileSync(certPath, pems.cert)
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 }
}

function tryParse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem)
  } catch {
    return undefined
  }
}
