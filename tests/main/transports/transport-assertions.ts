/** Small helpers the SSH transport tests share: a key's public blob, and the TransportError a connection fails with. */
import { utils } from 'ssh2'
import { expect } from 'vitest'
import { TransportError } from '../../../src/main/transports/channel'

/** The SSH public-key blob of a private key (what the server presents and known_hosts stores). */
export function hostKeyBlob(privateKey: string): Buffer {
  const parsed = utils.parseKey(privateKey)
  if (parsed instanceof Error) throw parsed
  return parsed.getPublicSSH()
}

export async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError)
    return error as TransportError
  }
  throw new Error('expected a rejection')
}
