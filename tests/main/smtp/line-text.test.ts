import { describe, expect, it } from 'vitest'
import { lineText } from '../../../src/main/smtp/line-text'

describe('lineText', () => {
  it('keeps ASCII and valid UTF-8 as they are', () => {
    expect(lineText(Buffer.from('220 mx.lab.test ESMTP'))).toBe('220 mx.lab.test ESMTP')
    expect(lineText(Buffer.from('220 메일 서버', 'utf8'))).toBe('220 메일 서버')
    expect(lineText(Buffer.from('250-SIZE\t1000'))).toBe('250-SIZE\t1000')
  })

  it('escapes control bytes (terminal escapes included) and invalid UTF-8 byte by byte', () => {
    expect(lineText(Buffer.from('220 \x1b[2Jcleared\x00'))).toBe('220 \\x1b[2Jcleared\\x00')
    expect(lineText(Buffer.from([0x32, 0x32, 0x30, 0x20, 0xff, 0xfe, 0x41]))).toBe('220 \\xff\\xfeA')
    expect(lineText(Buffer.from('a\rb'))).toBe('a\\x0db')
  })
})
