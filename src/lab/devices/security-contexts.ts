/**
 * Multiple-context mode: a system execution space plus security contexts, each a device of its own with its own
 * running-config. `changeto context NAME` / `changeto system` move a session between them (prompt
 * `host/NAME#`); `show context` lists them with `*` on the admin context (fixture #7).
 */
import type { LabDevice } from './lab-device'

export class SecurityContexts {
  constructor(
    readonly system: LabDevice,
    readonly contexts: Map<string, LabDevice>,
    readonly adminContext: string,
  ) {}

  /** `show context`: every context from the system space, only the current one from inside a context. */
  showContext(current: string | undefined): string[] {
    const rows = [...this.contexts.keys()].filter((name) => current === undefined || name === current)
    const lines = ['Context Name      Class                Interfaces           Mode         URL']
    for (const name of rows) {
      const node = this.system.running.find((n) => n.line === `context ${name}`)
      const interfaces =
        node?.children.filter((c) => c.line.startsWith('allocate-interface ')).map((c) => c.line.split(' ')[1]!) ?? []
      const url = node?.children.find((c) => c.line.startsWith('config-url '))?.line.split(' ')[1] ?? ''
      const label = `${name === this.adminContext ? '*' : ' '}${name}`
      const first = interfaces.length > 1 ? `${interfaces[0]},` : (interfaces[0] ?? '')
      lines.push(`${label.padEnd(18)}${'default'.padEnd(21)}${first.padEnd(21)}${'Routed'.padEnd(13)}${url}`)
      for (let i = 1; i < interfaces.length; i++) {
        lines.push(`${' '.repeat(39)}${interfaces[i]}${i < interfaces.length - 1 ? ',' : ''}`)
      }
    }
    lines.push(`Total active Security Contexts: ${rows.length}`)
    return lines
  }
}
