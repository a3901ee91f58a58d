/** Saved connection profiles: devices and mail targets. Never holds a password: those go to the secret store. */
import { z } from 'zod'

const name = z.string().trim().min(1).max(80)
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_[\]-]+$/, 'not a host name or address')
const port = z.number().int().min(1).max(65_535)

export const serialSettingsSchema = z.object({
  path: z.string().min(1).max(200),
  baudRate: z.number().int().positive().default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
})

export const deviceProfileSchema = z.discriminatedUnion('transport', [
  z.object({
    id: z.string().uuid(),
    name,
    transport: z.literal('ssh'),
    host,
    port: port.default(22),
    username: z.string().min(1).max(64),
    legacy: z.boolean().default(false),
    backspace: z.enum(['del', 'ctrl-h']).default('del'),
  }),
  z.object({
    id: z.string().uuid(),
    name,
    transport: z.literal('telnet'),
    host,
    port: port.default(23),
    username: z.string().max(64).optional(),
    backspace: z.enum(['del', 'ctrl-h']).default('ctrl-h'),
  }),
  z.object({
    id: z.string().uuid(),
    name,
    transport: z.literal('serial'),
    serial: serialSettingsSchema,
    backspace: z.enum(['del', 'ctrl-h']).default('del'),
  }),
])
export type DeviceProfile = z.infer<typeof deviceProfileSchema>

export const mailTargetSchema = z.object({
  id: z.string().uuid(),
  name,
  host,
  port: port.default(25),
  vantage: z.string().trim().min(1).max(40).default('outside'),
})
export type MailTarget = z.infer<typeof mailTargetSchema>

export const profilesFileSchema = z.object({
  devices: z.array(deviceProfileSchema).default([]),
  mailTargets: z.array(mailTargetSchema).default([]),
})
export type ProfilesFile = z.infer<typeof profilesFileSchema>
