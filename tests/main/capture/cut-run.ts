/**
 * Leaves captures behind the way a real cut does: a guided capture over real SSH to the lab firewall whose session
 * dies during the probe while the network stays down, so neither its finally nor a reconnect can remove them. The
 * records go into the given case; the lab device then lists both captures.
 */
import { join } from 'node:path'
import type { Lab } from '../../../src/lab'
import { GuidedCapture } from '../../../src/main/capture/guided-capture'
import { openDeviceLink } from '../../../src/main/fix/device-link'
import type { FixJournal } from '../../../src/main/fix/fix-journal'
import { probe } from '../../../src/main/smtp/probe'
import type { ByteChannel } from '../../../src/main/transports/channel'
import { HostKeyTrust } from '../../../src/main/transports/host-key-trust'
import { connectSsh } from '../../../src/main/transports/ssh-transport'
import type { CaptureRunResult } from '../../../src/shared/capture/guided/types'
import { LAB_HOST } from './capture-env'

export async function cutRun(lab: Lab, journal: FixJournal, dir: string): Promise<CaptureRunResult> {
  const creds = lab.credentials!
  let down = false
  let channel: ByteChannel | undefined
  const link = await openDeviceLink({
    connect: async () => {
      if (down) throw new Error('test: the network is down')
      channel = await connectSsh({
        host: '127.0.0.1',
        port: lab.management!.port,
        username: creds.username,
        password: creds.password,
        trust: new HostKeyTrust({ storeFile: join(dir, 'cut-known_hosts'), readOnlyFiles: [] }),
        askHostKey: async () => true,
        timeoutMs: 10_000,
      })
      return channel
    },
    credentials: { username: creds.username, password: creds.password, secret: creds.enable },
  })
  try {
    const capture = new GuidedCapture({
      link,
      journal,
      probe: async (target) => {
        down = true
        await channel?.close()
        return probe(target)
      },
    })
    const proposal = await capture.propose(LAB_HOST)
    if (proposal.status !== 'ready') throw new Error(proposal.status)
    const result = await capture.run({
      token: proposal.token,
      confirmedBy: 'Kim',
      probeTarget: { host: '127.0.0.1', port: lab.smtp.port },
    })
    if (result.refused) throw new Error(result.code)
    return result
  } finally {
    await link.close()
  }
}
