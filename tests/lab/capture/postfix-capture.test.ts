/**
 * The lab's capture against the wire: a real Debian Postfix behind the lab's inspection proxy, the firewall being a
 * lab ASA loaded from resources/lab/configs/asa9-default.cfg, its captures (made with the lab's own `capture` parser)
 * on both interfaces, and tcpdump recording the same two legs on `lo`. The lab's `show capture NAME dump` text,
 * read by the product's reader, must give the same SMTP lines as tcpdump's pcap of each leg.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCapture } from '../../../src/lab/capture/parse'
import { capturePackets } from '../../../src/lab/capture/show'
import { captureEnvironment } from '../../../src/lab/devices/asa-capture-commands'
import { LabDevice } from '../../../src/lab/devices/lab-device'
import { startInspectionProxy } from '../../../src/lab/proxy/inspection-proxy'
import { labResourcesDir } from '../../../src/lab/scenarios'
import { readCapture } from '../../../src/shared/capture/read'
import type { CaptureReading } from '../../../src/shared/capture/types'
import { makeCertificate } from '../../support/hostile-smtp'
import { hasPostfix, type PostfixInstance, startPostfix } from '../../support/postfix'
import { mailThrough, readDump } from './asa-capture-shell'
import { hasTcpdump, recordLoopback } from './tcpdump'

function asa(): LabDevice {
  return new LabDevice({
    id: 'asa-postfix',
    kind: 'asa',
    family: 'ASA',
    model: 'ASAv',
    version: '9.8(4)10',
    serial: '9A5BHB00D2D',
    credentials: { username: 'admin', password: 'lab-admin', enable: 'lab-enable' },
    config: readFileSync(join(labResourcesDir(), 'configs/asa9-default.cfg'), 'utf8'),
  })
}

const lines = (r: CaptureReading) =>
  r.transcripts.flatMap((t) => t.lines.filter((l) => l.direction !== 'note').map((l) => `${l.direction} ${l.text}`))

describe.skipIf(!hasPostfix || !hasTcpdump)(
  'lab captures of Postfix through the inspection path, against tcpdump',
  () => {
    let postfix: PostfixInstance
    let dir: string
    const device = asa()
    const wire: Record<'outside' | 'inside', CaptureReading | null> = { outside: null, inside: null }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'unmask-labcap-'))
      const cert = await makeCertificate({ commonName: 'mx.postfix.test', names: ['mx.postfix.test'] })
      postfix = await startPostfix({ cert })
      const proxy = await startInspectionProxy({ upstream: postfix, firewall: device })
      // The mail host as each interface sees it (object MAIL_HOST, nat (inside,outside) static 198.51.100.25).
      for (const [name, iface, host] of [
        ['CAPO', 'outside', '198.51.100.25'],
        ['CAPI', 'inside', '192.168.10.25'],
      ] as const) {
        const words = ['capture', name, 'interface', iface, 'match', 'tcp', 'any', 'host', host, 'eq', '25']
        const parsed = parseCapture(words, captureEnvironment(device))
        if (!parsed.ok) throw new Error(`capture line refused at word ${parsed.failedAt}`)
        device.captures.set(name, parsed.value)
      }
      const files = { outside: join(dir, 'outside.pcap'), inside: join(dir, 'inside.pcap') }
      const outside = await recordLoopback(files.outside, [proxy.port])
      const inside = await recordLoopback(files.inside, [postfix.port])
      try {
        await mailThrough(proxy.port)
        // Both legs' closes in the files before stopping (tcpdump may lag on a loaded machine).
        await Promise.all([outside.untilClosed(), inside.untilClosed()])
      } finally {
        await outside.stop()
        await inside.stop()
        await proxy.close()
      }
      wire.outside = readCapture(readFileSync(files.outside))
      wire.inside = readCapture(readFileSync(files.inside))
    }, 60_000)
    afterAll(async () => {
      await postfix?.stop()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it('each leg’s dump gives the SMTP lines tcpdump saw on that leg', () => {
      const dump = (name: string) => readDump(capturePackets(device.captures.get(name)!, 'dump').join('\n'))
      const labOutside = dump('CAPO')
      const labInside = dump('CAPI')
      expect(lines(labOutside).length).toBeGreaterThan(10)
      expect(lines(labOutside)).toEqual(lines(wire.outside!))
      expect(lines(labInside)).toEqual(lines(wire.inside!))
      // Postfix lists STARTTLS in the middle of its reply: the mask carries the running letter there.
      expect(lines(labInside)).toContain('server 250-STARTTLS')
      expect(lines(labOutside)).toContain('server 250-XXXXXXXB')
      // Counter-example: the two legs differ (otherwise the comparison above would prove nothing about the sides).
      expect(lines(labInside)).not.toEqual(lines(labOutside))
    })
  },
)
