/**
 * The lab's test CA and the certificates it issues (issue 17): the MTA-STS policy host must present a certificate
 * valid for `mta-sts.DOMAIN` that chains to a CA the sender trusts (RFC 8461 §3.3), so the lab makes its own CA,
 * which the probe trusts only when told (`--mta-sts-ca FILE`), never by default.
 */
import { generate } from 'selfsigned'

export interface LabPem {
  key: string
  cert: string
}

/** EC keys, SHA-256, valid from a minute ago for a week: long enough for any lab run, short if one leaks. */
function base() {
  return {
    keyType: 'ec' as const,
    algorithm: 'sha256' as const,
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 7 * 86_400_000),
  }
}

export async function makeLabCa(name = 'Unmask lab CA'): Promise<LabPem> {
  const pems = await generate([{ name: 'commonName', value: name }], {
    ...base(),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

/** A server certificate for `names`, issued by `ca`. */
export async function issueCertificate(ca: LabPem, names: string[]): Promise<LabPem> {
  const pems = await generate([{ name: 'commonName', value: names[0]! }], {
    ...base(),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2 as const, value })) },
    ],
    ca: { key: ca.key, cert: ca.cert },
  })
  return { key: pems.private, cert: pems.cert }
}
