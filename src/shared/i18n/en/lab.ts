// Texts for the lab namespace; keep keys identical in en and ko (tests/shared/i18n checks).
export const lab = {
  description: 'start the practice lab: a simulated firewall and an inspecting mail path on 127.0.0.1',
  options: {
    scenario: 'scenario to start (see --list)',
    list: 'list the scenarios and exit',
    ports: 'fixed ports: smtp,direct,management,standby (e.g. 2525,2526,2222 or smtp=2525,management=2222)',
    stateDir: 'folder for the lab certificate, SSH host keys, received mail and saved configs',
    persist: 'start from the startup-config saved by an earlier write memory',
  },
  started: 'Lab scenario {{name}} is running.',
  table: { endpoint: 'Endpoint', protocol: 'Protocol', address: 'Address', notes: 'What it is' },
  notes: {
    smtp: 'SMTP through the simulated firewall',
    smtpClean: 'SMTP relay, no firewall in this scenario',
    direct: 'SMTP straight to the mail host, bypassing the firewall',
    management: '{{device}} management, host key {{fingerprint}}',
    standby: '{{device}} standby unit (failover), host key {{fingerprint}}',
    managementTelnet: '{{device}} management (telnet)',
    provider: 'Remote MX {{hostname}} through the firewall egress path',
    providerDirect: 'Remote MX {{hostname}} seen from outside (no firewall)',
  },
  mailHost: 'Mail host: {{hostname}} ({{persona}}), accepts mail for {{domain}}',
  credentials: 'Login: user {{username}}, password {{password}}; enable password {{enable}}',
  telnetCredentials: 'Telnet password {{password}}; enable password {{enable}}',
  noManagement: "The firewall's management is not reachable in this scenario (it belongs to the other side).",
  stateDir: 'State folder: {{dir}}',
  hint: 'Press Ctrl-C to stop.',
  stopped: 'Lab stopped.',
  listHeader: 'Scenarios:',
  scenarios: {
    'asa9-default':
      'ASA 9.8, inspect esmtp with the default map in front of a Cisco ESA: STARTTLS masked as XXXXXXXA, the STARTTLS command answered 500 #5.5.1, banner asterisked.',
    'asa9-failover':
      'ASA 9.8 active/standby failover pair: the standby mirrors the active config, carries no traffic and warns when configured directly.',
    'asa9-multicontext':
      'ASA 9.8 in multiple-context mode: SSH lands in the admin context, inspect esmtp lives in the mail context (changeto context mail).',
    'asa9-allow-tls':
      'ASA 9.8 inspecting ESMTP with a map that has allow-tls: STARTTLS passes and TLS is relayed untouched.',
    'asa8-custom-class': 'ASA 8.2(5) with inspect esmtp on a custom class (class-map ESMTP matching an access-list).',
    'asa8-legacy-ssh':
      'ASA 8.2(5) offering only legacy SSH algorithms (diffie-hellman-group1-sha1, ssh-rsa, CBC), default ESMTP inspection.',
    'pix6-mailguard':
      'PIX 6.3(5) with fixup protocol smtp 25 (MailGuard), managed over telnet: banner asterisked, EHLO turned into NOOP so the server answers a bare OK.',
    'pix7-old':
      'PIX 7.2(1) with inspect esmtp and the pre-7.2(3) bug: mail with DKIM or DomainKeys signatures gets the connection reset.',
    ftd7: 'FTD 7.2: the > shell shows the running-config with inspect esmtp but refuses configuration commands.',
    'clean-path': 'No inspecting firewall: the SMTP endpoint relays to the mail host untouched.',
    'asa9-postfix-notls':
      'ASA 9.8 default ESMTP inspection in front of a Postfix without TLS: the 8-letter masks XXXXXXXB and XXXXXXXC are SMTPUTF8 and CHUNKING, not STARTTLS.',
    'egress-providers':
      "The site's own ASA on the egress path in front of three remote MX hosts on 127.0.0.1: every provider shows the same masking from inside.",
    'gateway-strip':
      'No Cisco firewall: a mail gateway deletes CHUNKING, BINARYMIME, PIPELINING and STARTTLS from the EHLO reply (as F-Secure Internet Gatekeeper does).',
    'remote-side':
      "The partner's ASA inspects ESMTP in front of their Exchange server; its management is not reachable from here.",
  },
  errors: {
    unknownScenario: "Unknown lab scenario '{{name}}'. Available: {{known}}",
    badPorts: "--ports takes up to four port numbers for smtp, direct, management and standby: '{{value}}'",
    portInUse: 'Port {{port}} is already in use on 127.0.0.1.',
  },
}
