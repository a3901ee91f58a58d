/** A ByteChannel over a plain TCP socket: the simplest real transport, for tests of session plumbing. */
import { connect, type Socket } from 'node:net'
import type { SessionChannel } from '../../src/main/sessions/session-service'

export async function socketChannel(port: number): Promise<SessionChannel & { socket: Socket }> {
  const socket = connect({ host: '127.0.0.1', port })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  return {
    kind: 'telnet',
    peer: `tcp://127.0.0.1:${port}`,
    socket,
    get closed() {
      return socket.destroyed
    },
    write: (data) => socket.write(data),
    onData: (listener) => {
      socket.on('data', listener)
      return () => socket.off('data', listener)
    },
    onClose: (listener) => {
      const l = () => listener()
      socket.once('close', l)
      return () => socket.off('close', l)
    },
    resize: () => {},
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: async () => {
      socket.end()
      socket.destroy()
    },
  }
}
