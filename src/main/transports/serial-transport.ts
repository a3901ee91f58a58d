/**
 * Serial console (the blue Cisco cable through a USB adapter). 9600 8N1 without flow control is what every
 * PIX/ASA console speaks out of the box; all of it can be changed for odd setups.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { type ByteChannel, ChannelEnd, DataListeners, TransportError } from './channel'

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space'
export type FlowControl = 'none' | 'rtscts' | 'xonxoff'

export interface SerialOptions {
  path: string
  baudRate?: number
  dataBits?: 5 | 6 | 7 | 8
  parity?: Parity
  stopBits?: 1 | 1.5 | 2
  flowControl?: FlowControl
}

export interface SerialChannel extends ByteChannel {
  readonly kind: 'serial'
  readonly settings: Required<SerialOptions>
  /** Holds the line in break for `durationMs` (ROMMON, password recovery). */
  sendBreak(durationMs?: number): Promise<void>
}

export interface SerialPortInfo {
  path: string
  manufacturer?: string
  serialNumber?: string
  vendorId?: string
  productId?: string
}

export const SERIAL_DEFAULTS = {
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  flowControl: 'none',
} as const

/**
 * Serial ports with their USB details. serialport asks udev for them on Linux; where udevadm is missing
 * (containers, minimal installs) the device names are read from /dev instead, without the details.
 */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  let ports: Awaited<ReturnType<typeof SerialPort.list>>
  try {
    ports = await SerialPort.list()
  } catch {
    return process.platform === 'win32' ? [] : serialDevicesIn('/dev')
  }
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer,
    serialNumber: p.serialNumber,
    vendorId: p.vendorId,
    productId: p.productId,
  }))
}

/** Serial-looking device names in a folder (USB adapters first in practice: ttyUSB, ttyACM). */
export async function serialDevicesIn(devDir: string): Promise<SerialPortInfo[]> {
  const names = await readdir(devDir).catch(() => [] as string[])
  return names
    .filter((name) => /^(ttyUSB\d|ttyACM\d|ttyS\d|cu\.usbserial|cu\.usbmodem)/.test(name))
    .sort()
    .map((name) => ({ path: join(devDir, name) }))
}

export function openSerial(options: SerialOptions): Promise<SerialChannel> {
  const settings: Required<SerialOptions> = { ...SERIAL_DEFAULTS, ...options }
  const peer = `serial://${settings.path}?baud=${settings.baudRate}`
  const port = new SerialPort({
    path: settings.path,
    baudRate: settings.baudRate,
    dataBits: settings.dataBits,
    parity: settings.parity,
    stopBits: settings.stopBits,
    rtscts: settings.flowControl === 'rtscts',
    xon: settings.flowControl === 'xonxoff',
    xoff: settings.flowControl === 'xonxoff',
    autoOpen: false,
  })
  return new Promise((resolve, reject) => {
    port.open((error) => {
      if (error) return reject(new TransportError('serialOpenFailed', { path: settings.path, reason: error.message }))
      const data = new DataListeners()
      const end = new ChannelEnd()
      const finish = (reason?: Error): void => {
        end.finish(reason)
      }
      port.on('data', (chunk: Buffer) => data.emit(chunk))
      port.on('close', () => finish())
      port.on('error', (e: Error) => finish(e))
      resolve({
        kind: 'serial',
        peer,
        settings,
        get closed() {
          return end.closed
        },
        write: (chunk) => {
          if (!end.closed) port.write(Buffer.from(chunk))
        },
        onData: (listener) => data.add(listener),
        onClose: (listener) => end.onClose(listener),
        resize: () => {},
        sendBreak: (durationMs = 300) =>
          new Promise<void>((done, fail) => {
            port.set({ brk: true }, (setError) => {
              if (setError) return fail(setError)
              setTimeout(
                () => port.set({ brk: false }, (clearError) => (clearError ? fail(clearError) : done())),
                durationMs,
              )
            })
          }),
        close: () =>
          new Promise<void>((done) => {
            if (end.closed || !port.isOpen) {
              finish()
              return done()
            }
            port.close(() => {
              finish()
              done()
            })
          }),
      })
    })
  })
}
