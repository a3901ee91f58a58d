/** The terminal-text cleaner lives in src/shared/text/terminal.ts (one for live and pasted text); kept for importers. */
export { cleanTerminalLine, cleanTerminalText, renderLine, stripAnsi } from '../text/terminal'
