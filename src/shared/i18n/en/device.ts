/** Device sessions: transports, host keys, the driver and `unmask collect`. */
export const device = {
  platforms: {
    asa: 'Cisco ASA',
    pix6: 'Cisco PIX 6.x',
    pix7: 'Cisco PIX 7.x',
    ftd: 'Cisco Firepower Threat Defense',
  },
  errors: {
    connectFailed: 'Could not connect to {{peer}}: {{reason}}',
    timeout: 'No answer from {{peer}} in time.',
    sshVersion1:
      '{{peer}} speaks only SSH version 1 ({{banner}}), which no current SSH library supports. PIX 6.x does this: connect with telnet (telnet://HOST) or the serial console instead.',
    noMatchingAlgorithm:
      '{{peer}} offers no SSH algorithm Unmask accepts by default ({{reason}}). Old PIX/ASA images need the legacy algorithms: try again with --legacy.',
    authFailed: '{{peer}} refused the user name or password.',
    hostKeyUnknown:
      'The host key of {{host}} port {{port}} is not known yet: {{keyType}} {{fingerprint}}. Check it against a record you trust (from the device console, or its administrator), then run again with --accept-new-host-key.',
    hostKeyRejected: 'The host key {{keyType}} {{fingerprint}} of {{host}} port {{port}} was not accepted.',
    hostKeyChanged:
      'WARNING: the host key of {{host}} port {{port}} has CHANGED. Known: {{previous}} ({{origin}}). Now: {{keyType}} {{fingerprint}}. Someone may be intercepting the connection, or the device was replaced or re-keyed. The connection was stopped; remove the old entry only once you know why the key changed.',
    hostKeyRevoked:
      'The host key {{fingerprint}} of {{host}} port {{port}} is marked as revoked ({{origin}}). The connection was stopped.',
    closed: 'The session with {{peer}} was closed.',
    serialOpenFailed: 'Could not open the serial port {{path}}: {{reason}}',
    badTarget:
      "'{{target}}' is not a usable target ({{reason}}). Use ssh://USER@HOST[:PORT], telnet://HOST[:PORT] or serial:///dev/ttyUSB0?baud=9600.",
    promptTimeout: 'The device did not show a prompt in time (last text: {{seen}}).',
    usernameRequired: 'The device asks for a user name: give one with --username.',
    passwordRequired: 'The device asks for a password: give it with --password-env or at the prompt.',
    loginFailed: '{{peer}} refused the login.',
    enableFailed: 'Could not enter privileged mode on {{peer}}: the enable secret was refused.',
    desynchronised: 'Lost track of the prompt on {{peer}} after a command timed out.',
    generic: '{{message}}',
  },
  secrets: {
    telnetNotRemembered:
      'Telnet sends passwords in clear text, so they are never remembered for it: type them each time.',
  },
  links: {
    title: 'Open a web link',
    message: 'Open this address in your web browser?',
    open: 'Open in browser',
    cancel: 'Cancel',
  },
  collect: {
    description: 'connect to a firewall, run the evidence script and diagnose SMTP inspection',
    target: 'ssh://USER@HOST[:PORT], telnet://HOST[:PORT] or serial:///dev/ttyUSB0?baud=9600',
    legacy: 'also offer legacy SSH algorithms (SHA-1 key exchange, ssh-rsa, CBC ciphers) for old PIX/ASA images',
    case: 'case folder (or id) to record the session and its evidence in',
    acceptNewHostKey: 'accept and remember an SSH host key seen for the first time (never a changed one)',
    passwordEnv: 'name of the environment variable that holds the login password',
    secretEnv: 'name of the environment variable that holds the enable secret',
    username: 'user name for telnet or console logins that ask for one',
    identity: 'private key file for SSH public-key authentication',
    platform: 'skip platform detection: asa, pix6, pix7 or ftd',
    timeout: 'seconds to wait for each command (default 60)',
    envMissing: "The environment variable '{{name}}' is not set.",
    passwordPrompt: 'Password for {{peer}}: ',
    secretPrompt: 'Enable secret (empty if none): ',
    noPassword: 'No password: give --password-env NAME (passwords are never taken from the command line).',
    badPlatform: "Unknown platform '{{value}}': use asa, pix6, pix7 or ftd.",
    badTimeout: "'{{value}}' is not a number of seconds between 1 and 3600.",
    keyUnreadable: 'Cannot read the key file {{file}}: {{reason}}',
    hostKeyAccepted: 'Accepted new host key {{keyType}} {{fingerprint}} for {{host}} port {{port}}.',
    connected: 'Connected to {{peer}}.',
    stepDone: '  {{prompt}} {{command}}  ({{ms}} ms)',
    stepFailed: '  {{prompt}} {{command}}  FAILED: {{failure}}',
    stepUnavailable: '  {{prompt}} {{command}}  (not available on this device: {{failure}})',
    notEnabled: 'Warning: privileged mode was refused; only unprivileged commands were run.',
    platformFound: 'Platform: {{platform}}',
    failed: 'Collection failed: {{message}}',
    logSaved: 'Session log saved in the case: {{cleaned}} (raw: {{raw}})',
  },
}
