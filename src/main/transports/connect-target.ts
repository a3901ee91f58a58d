/**
 * The transport factory: a Target (ssh://, telnet://, serial:) becomes an open ByteChannel. Every caller that reaches
 * a device goes through here (`unmask collect`, `unmask diagnose`, the app's terminal and fix sessions), so SSH host
 * keys are always checked against the same trust store and timeouts apply the same way.
 */
import type { ByteChannel } from './channel'
import type { AskHostKey, HostKeyTrust } from './host-key-trust'
import { openSerial } from './serial-transport'
import { connectSsh } from './ssh-transport'
import type { Target } from './target'
import { connectTelnet } from './telnet-transport'

export interface ConnectOptions {
  target: Target
  /**
   * The login credentials as the caller holds them; only the password is used here, for SSH password authentication
   * (telnet and serial logins answer at the device's prompt, in the driver).
   */
  credentials: { username?: string; password?: string; secret?: string }
  trust: HostKeyTrust
  askHostKey?: AskHostKey
  legacy?: boolean
  privateKey?: string | Buffer
  connectTimeoutMs?: number
}

export async function connectTarget(options: ConnectOptions): Promise<ByteChannel> {
  const { target } = options
  if (target.kind === 'ssh') {
    return connectSsh({
      host: target.host,
      port: target.port,
      username: target.username,
      password: options.credentials.password,
      privateKey: options.privateKey,
      legacy: options.legacy,
      trust: options.trust,
      askHostKey: options.askHostKey,
      timeoutMs: options.connectTimeoutMs,
    })
  }
  if (target.kind === 'telnet')
    return connectTelnet({ host: target.host, port: target.port, timeoutMs: options.connectTimeoutMs })
  return openSerial(target)
}
