/**
 * `pix.no-fixup-smtp`: `no fixup protocol smtp PORT` for every SMTP fixup that is on, with the port as configured
 * (`no fixup protocol smtp` without a port would put port 25 back). PIX 6.x leaves configuration mode with `exit`.
 */
import type { FixupLine } from '../evidence/device/device-config'
import { type CommandLine, type Remedy, remedyTexts } from './types'

function inConfig(lines: string[]): CommandLine[] {
  return [
    { mode: 'enable', command: 'configure terminal' },
    ...lines.map((command): CommandLine => ({ mode: 'config', command })),
    { mode: 'config', command: 'exit' },
  ]
}

export function buildNoFixupSmtp(fixups: FixupLine[], target: Remedy['target'], causes: string[]): Remedy {
  const ports = fixups.map((f) => f.port || '25')
  return {
    id: 'pix.no-fixup-smtp',
    type: 'change',
    ...remedyTexts('pix.no-fixup-smtp'),
    params: { ports: ports.join(', ') },
    causes,
    commands: inConfig(ports.map((p) => `no fixup protocol smtp ${p}`)),
    undo: inConfig(ports.map((p) => `fixup protocol smtp ${p}`)),
    verify: [
      { textKey: 'remedies.verify.noFixup', params: { ports: ports.join(', ') }, command: 'show fixup' },
      { textKey: 'remedies.verify.newConnections' },
      { textKey: 'remedies.verify.probeBanner' },
    ],
    steps: [],
    target,
  }
}
