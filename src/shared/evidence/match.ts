/** Line dispatch: the first pattern that matches a line runs its handler. Keeps parsers free of assignment chains. */
export type LineHandler = (m: RegExpExecArray) => void

export function dispatch(text: string, table: ReadonlyArray<readonly [RegExp, LineHandler]>): boolean {
  for (const [re, handler] of table) {
    const m = re.exec(text)
    if (m) {
      handler(m)
      return true
    }
  }
  return false
}
