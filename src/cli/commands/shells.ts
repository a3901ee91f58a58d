/** The shells `unmask completion` writes scripts for (a module of its own so that both halves can share it). */
export const SHELLS = ['bash', 'zsh', 'powershell'] as const
export type Shell = (typeof SHELLS)[number]

export function isShell(value: string): value is Shell {
  return (SHELLS as readonly string[]).includes(value)
}
