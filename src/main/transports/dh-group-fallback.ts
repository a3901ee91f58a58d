/**
 * diffie-hellman-group1-sha1 needs the "Second Oakley Group" (`modp2`). Node's OpenSSL has it, Electron's
 * BoringSSL does not: `createDiffieHellmanGroup('modp2')` throws "Unknown DH group" and old PIX/ASA images
 * that offer only group1 become unreachable. ssh2 takes `createDiffieHellmanGroup` from the crypto module
 * when it is first loaded, so this wrapper must be installed before ssh2 is (ssh-transport.ts imports this
 * file first, and ssh2-loader.ts copes with ssh2 having been loaded earlier). The wrapper uses the published
 * parameters only when the named group is missing.
 */
import * as nodeCrypto from 'node:crypto'

/** RFC 2409 section 6.2, Second Oakley Group: 1024-bit MODP prime, generator 2. */
export const MODP2_PRIME_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF'
export const MODP2_GENERATOR = 2

const PUBLISHED_GROUPS: Record<string, { prime: string; generator: number }> = {
  modp2: { prime: MODP2_PRIME_HEX, generator: MODP2_GENERATOR },
}

type GroupFactory = (name: string) => nodeCrypto.DiffieHellmanGroup | nodeCrypto.DiffieHellman

interface FallbackState {
  native: GroupFactory
  /** ssh2's key exchange was loaded before this wrapper: it holds the native factory (see ssh2-loader.ts). */
  kexLoadedBeforeInstall: boolean
  /** Names treated as missing even if the runtime has them: lets a test take the Electron path in Node. */
  simulatedMissing: Set<string>
  used: number
}

const STATE_KEY = Symbol.for('unmask.dhGroupFallback')

/** Wraps a group factory: the native group when it exists, else the published parameters. */
export function withPublishedGroups(
  native: GroupFactory,
  isMissing: (name: string) => boolean = () => false,
  onFallback: () => void = () => {},
): GroupFactory {
  return (name) => {
    if (!isMissing(name)) {
      try {
        return native(name)
      } catch (error) {
        if (!PUBLISHED_GROUPS[name] || !/unknown dh group/i.test(String((error as Error)?.message))) throw error
      }
    }
    const group = PUBLISHED_GROUPS[name]
    if (!group) return native(name)
    onFallback()
    return nodeCrypto.createDiffieHellman(Buffer.from(group.prime, 'hex'), group.generator)
  }
}

/** Installs the wrapper on the crypto module (once per process) and returns its shared state. */
export function installDhGroupFallback(): FallbackState {
  // The CommonJS view of the crypto module is the object ssh2's `require('crypto')` destructures.
  const cryptoModule = process.getBuiltinModule('node:crypto') as unknown as Record<string | symbol, unknown>
  const existing = cryptoModule[STATE_KEY] as FallbackState | undefined
  if (existing) return existing
  const state: FallbackState = {
    native: cryptoModule.createDiffieHellmanGroup as GroupFactory,
    kexLoadedBeforeInstall: ssh2KexLoaded(),
    simulatedMissing: new Set(),
    used: 0,
  }
  cryptoModule.createDiffieHellmanGroup = withPublishedGroups(
    (name) => state.native(name),
    (name) => state.simulatedMissing.has(name),
    () => {
      state.used++
    },
  )
  cryptoModule[STATE_KEY] = state
  return state
}

function ssh2KexLoaded(): boolean {
  try {
    const { createRequire } = process.getBuiltinModule('node:module')
    const req = createRequire(__filename)
    return req.resolve('ssh2/lib/protocol/kex.js') in req.cache
  } catch {
    return false
  }
}

/**
 * Makes this process behave like Electron for the given group names (tests only force the fallback this
 * way); returns the function that undoes it.
 */
export function simulateMissingDhGroups(names: string[]): () => void {
  const state = installDhGroupFallback()
  for (const name of names) state.simulatedMissing.add(name)
  return () => {
    for (const name of names) state.simulatedMissing.delete(name)
  }
}

/** How many key exchanges used the published parameters so far (for tests and diagnostics). */
export function dhFallbackUseCount(): number {
  return installDhGroupFallback().used
}

installDhGroupFallback()
