import { describe, expect, it } from 'vitest'
import { TransportError } from '../../../src/main/transports/channel'
import { describeTarget, maskTargetPassword, parseDeviceTarget } from '../../../src/main/transports/target'

describe('connection targets', () => {
  it('parses ssh, telnet and serial targets with their defaults', () => {
    expect(parseDeviceTarget('ssh://admin@10.0.0.1')).toEqual({
      kind: 'ssh',
      host: '10.0.0.1',
      port: 22,
      username: 'admin',
    })
    expect(parseDeviceTarget('ssh://net%40ops@[::1]:2222')).toEqual({
      kind: 'ssh',
      host: '::1',
      port: 2222,
      username: 'net@ops',
    })
    expect(parseDeviceTarget('telnet://pix.lab')).toEqual({ kind: 'telnet', host: 'pix.lab', port: 23 })
    expect(parseDeviceTarget('serial:///dev/ttyUSB0')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      flowControl: 'none',
    })
    expect(
      parseDeviceTarget('serial:///dev/ttyS1?baud=115200&databits=7&parity=even&stopbits=2&flow=rtscts'),
    ).toMatchObject({
      baudRate: 115200,
      dataBits: 7,
      parity: 'even',
      stopBits: 2,
      flowControl: 'rtscts',
    })
  })

  it.each([
    ['ssh://admin:pw@10.0.0.1', 'password in target'],
    ['ssh://10.0.0.1', 'user'],
    ['http://10.0.0.1', 'scheme'],
    ['not a url', 'not a URL'],
    ['serial:///dev/ttyS0?databits=9', 'databits'],
    ['serial:///dev/ttyS0?flow=magic', 'flow'],
  ])('refuses %s (%s)', (text, reason) => {
    try {
      parseDeviceTarget(text)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TransportError)
      expect((error as TransportError).params.reason).toBe(reason)
    }
  })

  it('describes a target without secrets', () => {
    expect(describeTarget(parseDeviceTarget('ssh://admin@h:2200'))).toBe('ssh://admin@h:2200')
    expect(describeTarget(parseDeviceTarget('serial:///dev/ttyUSB0?baud=19200'))).toBe(
      'serial:///dev/ttyUSB0?baud=19200',
    )
  })
})

describe('a password written in the target (issue 14)', () => {
  it.each([
    ['ssh://admin:Pl4nted-pw@10.0.0.1', 'password in target'],
    ['ssh://admin:Pl4nted-pw@10.0.0.1:99999', 'password in target'],
    ['ssh://admin:Pl4nted/pw@10.0.0.1', 'not a URL'],
    ['ssh://admin:Pl4nted pw@10.0.0.1', 'not a URL'],
    ['telnet://:Pl4nted@pw@10.0.0.1', 'password in target'],
  ])('is masked in the error for %s', (text) => {
    try {
      parseDeviceTarget(text)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TransportError)
      const e = error as TransportError
      expect(JSON.stringify(e.params)).not.toContain('Pl4nted')
      expect(e.message).not.toContain('Pl4nted')
      expect(String(e.params.target)).toMatch(/^(ssh|telnet):\/\/(admin)?:\*{8}@10\.0\.0\.1/)
    }
  })

  it('masks only the password: user, host and port stay readable', () => {
    expect(maskTargetPassword('ssh://admin:s3cr3t@fw1:2222')).toBe('ssh://admin:********@fw1:2222')
    expect(maskTargetPassword('ssh://admin@fw1:2222')).toBe('ssh://admin@fw1:2222')
    expect(maskTargetPassword('serial:///dev/ttyS0?baud=9600')).toBe('serial:///dev/ttyS0?baud=9600')
  })
})
