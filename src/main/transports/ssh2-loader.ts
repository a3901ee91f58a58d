/**
 * Hands out the ssh2 module for the SSH transport, loaded after the DH group fallback is installed. ssh2's
 * key exchange keeps the `createDiffieHellmanGroup` it saw when it was first loaded, and a bundler hoists
 * `require("ssh2")` above all module code (and another module, e.g. the lab's SSH server, may load it
 * first). If ssh2 was already loaded before the fallback existed, a private copy is loaded for the
 * transport, so the fallback works whatever the load order. Other users keep the copy they have.
 */
import type * as Ssh2Module from 'ssh2'
import { installDhGroupFallback } from './dh-group-fallback'

type Ssh2 = typeof Ssh2Module

const LOADED_KEY = Symbol.for('unmask.ssh2ForTransport')

export function ssh2(): Ssh2 {
  const state = installDhGroupFallback() as ReturnType<typeof installDhGroupFallback> & { [LOADED_KEY]?: Ssh2 }
  const cached = state[LOADED_KEY]
  if (cached) return cached
  const { createRequire } = process.getBuiltinModule('node:module')
  const { dirname, sep } = process.getBuiltinModule('node:path')
  const req = createRequire(__filename)
  if (state.kexLoadedBeforeInstall) {
    const kexPath = req.resolve('ssh2/lib/protocol/kex.js')
    const root = `${dirname(dirname(dirname(kexPath)))}${sep}`
    for (const key of Object.keys(req.cache)) if (key.startsWith(root)) delete req.cache[key]
  }
  const loaded = req('ssh2') as Ssh2
  state[LOADED_KEY] = loaded
  return loaded
}
