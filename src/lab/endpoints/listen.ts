/** Every lab endpoint listens the same way: on 127.0.0.1 only, on a given or ephemeral port. */

interface Listenable {
  once(event: 'error', listener: (error: Error) => void): unknown
  off(event: 'error', listener: (error: Error) => void): unknown
  listen(port: number, host: string, callback: () => void): unknown
  address(): unknown
}

/** Resolves with the bound port; a port already in use rejects instead of throwing later. */
export async function listenOnLoopback(server: Listenable, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as { port?: number } | string | null
  return typeof address === 'object' && address?.port ? address.port : 0
}
