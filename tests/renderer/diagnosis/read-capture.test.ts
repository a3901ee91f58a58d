/**
 * Dropped and pasted captures read in the renderer (src/renderer/src/diagnosis/read-capture.ts): real pcap/pcapng
 * files and dump text become records; a binary that is no capture, a capture without SMTP and one too large are
 * refused with the reader's problem code; ordinary text and gzip files are left to the text path.
 */
import { describe, expect, it } from 'vitest'
import {
  MAX_APP_CAPTURE_BYTES,
  readDroppedCapture,
  readPastedCapture,
} from '../../../src/renderer/src/diagnosis/read-capture'
import { captureAddedData } from '../../../src/shared/journal/capture-evidence-schema'
import { asDump, captureBytes } from '../../shared/capture/fixtures'

const file = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name)

describe('readDroppedCapture', () => {
  it('reads pcap and pcapng into a journal record that fits the schema', async () => {
    for (const name of ['postfix-esmtp-inside.pcap', 'postfix-esmtp-outside.pcapng']) {
      const bytes = captureBytes(name)
      const r = await readDroppedCapture(file(bytes, name))
      expect(r?.ok).toBe(true)
      if (!r?.ok) continue
      expect(captureAddedData.safeParse(r.record).success).toBe(true)
      expect(r.record).toMatchObject({ name, origin: 'file', bytes: bytes.length, format: name.split('.').pop() })
      expect(r.record.connections[0]!.lines.some((l) => /STARTTLS|XXXXXXX/.test(l.text))).toBe(true)
    }
  })

  it('refuses a binary that is no capture, and a capture without SMTP', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(await readDroppedCapture(file(png, 'photo.png'))).toEqual({ ok: false, problem: { code: 'not-a-capture' } })
    const http = await readDroppedCapture(file(captureBytes('http-not-smtp.pcap'), 'web.pcap'))
    expect(http).toMatchObject({ ok: false, problem: { code: 'no-smtp' } })
    const tls = await readDroppedCapture(file(captureBytes('implicit-tls.pcap'), 'tls.pcap'))
    expect(tls).toMatchObject({ ok: false, problem: { code: 'encrypted' } })
  })

  it('refuses a capture larger than the app reads, by its size, before reading it', async () => {
    const head = captureBytes('postfix-esmtp-inside.pcap').subarray(0, 24)
    const big = new Blob([head as BlobPart, new Uint8Array(MAX_APP_CAPTURE_BYTES)])
    const r = await readDroppedCapture(Object.assign(big, { name: 'huge.pcap' }))
    expect(r).toEqual({ ok: false, problem: { code: 'too-large', params: { limit: MAX_APP_CAPTURE_BYTES } } })
  })

  it('leaves text and gzip files to the text path', async () => {
    expect(await readDroppedCapture(file('hostname fw1\ninspect esmtp\n', 'fw.txt'))).toBeNull()
    expect(await readDroppedCapture(file(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]), 'r.json.gz'))).toBeNull()
  })

  it('reads a dropped dump text file as a capture', async () => {
    const r = await readDroppedCapture(file(asDump('postfix-esmtp-inside.pcap'), 'in-dump.txt'))
    expect(r).toMatchObject({ ok: true, record: { format: 'asa-dump', name: 'in-dump.txt' } })
  })
})

describe('readPastedCapture', () => {
  it('reads pasted dump output; other text is not a capture', async () => {
    const r = await readPastedCapture(asDump('postfix-esmtp-outside.pcap'), 'pasted dump 1')
    expect(r).toMatchObject({ ok: true, record: { format: 'asa-dump', origin: 'paste', name: 'pasted dump 1' } })
    expect(await readPastedCapture('show running-config\nhostname fw1', 'x')).toBeNull()
    const huge = asDump('postfix-esmtp-outside.pcap').padEnd(MAX_APP_CAPTURE_BYTES + 1, ' ')
    expect(await readPastedCapture(huge, 'big')).toEqual({
      ok: false,
      problem: { code: 'too-large', params: { limit: MAX_APP_CAPTURE_BYTES } },
    })
  })

  it('the public PIX 515 sample (ICMP only) is a dump without TCP', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { CAPTURES } = await import('../../shared/capture/fixtures')
    const text = readFileSync(join(CAPTURES, 'asa_pix515_show_capture_dump_acap2pcap.txt'), 'utf8')
    // ICMP echo frames only: a dump, but nothing to compare.
    expect(await readPastedCapture(text, 'pix')).toEqual({ ok: false, problem: { code: 'no-tcp' } })
  })
})
