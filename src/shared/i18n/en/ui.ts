export const ui = {
  terminal: 'Terminal',
  diagnosis: 'Diagnosis',
  noSession: 'No device session. Connect to a firewall to start.',
  noFindings: 'No findings yet. Probe the mail path or paste device output.',
  noCase: 'No case open',
  newCase: 'New case',
  cases: 'Cases',
  language: 'Language',
  createCase: 'Create',
  search: 'Search the terminal',
  findNext: 'Find next',
  cancel: 'Cancel',
}
