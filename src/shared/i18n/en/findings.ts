// Texts for the findings namespace; keep keys identical in en and ko (tests/shared/i18n checks).
// Rule ids map to nested keys: `smtp.starttls-masked` → findings.smtp['starttls-masked'].
export const findings = {
  smtp: {
    'keyword-masked': {
      title: 'Masked EHLO lines hide other keywords ({{keywords}})',
      explanation:
        'The masked lines stand for {{keywords}} (identified by: {{basis}}). An inspecting firewall masks these features too, but they are not STARTTLS: turning the inspection off will not bring TLS if the server does not offer it.',
    },
    'starttls-deleted': {
      title: 'STARTTLS is offered directly but missing through the path ({{right}})',
      explanation:
        'The server offers STARTTLS when reached directly ({{left}}); through the path the line is gone, not masked (also removed: {{removed}}). A gateway that deletes EHLO keywords sits in between (F-Secure Internet Gatekeeper, for example, removes STARTTLS, CHUNKING, BINARYMIME and PIPELINING).',
    },
    'starttls-masked': {
      title: 'STARTTLS is masked in the EHLO reply ({{masked}})',
      explanation:
        'The server\u2019s EHLO reply lists "{{masked}}" where STARTTLS belongs: the same length, X-ed out. PIX/ASA ESMTP inspection rewrites the keyword in transit, so the client never learns that the server offers TLS and sends mail in clear text. Identified by: {{basis}}; keywords of this length that fit: {{candidates}}.',
    },
    'starttls-rejected': {
      title: 'STARTTLS was answered "command not recognized"',
      explanation:
        'The reply to STARTTLS was "{{reply}}". Mail servers that offer TLS do not answer this way: an inspecting firewall overwrote the command with X\u2019s, so the server saw an unknown command.',
    },
    'command-masked': {
      title: 'A command reached the server as X\u2019s ({{masked}})',
      explanation:
        'The server quotes the command it received as "{{masked}}". A firewall running SMTP inspection replaces commands it does not allow (STARTTLS among them) with X\u2019s of the same length.',
    },
    'banner-masked': {
      title: 'The 220 greeting banner is asterisked',
      explanation:
        'The server\u2019s greeting arrives as asterisks. PIX MailGuard keeps only the digits 2 and 0 and spaces; ASA mask-banner and PIX 4.x leave only asterisks. Postfix then assumes a PIX and turns ESMTP (and STARTTLS) off for the session.',
    },
    'ehlo-rejected': {
      title: 'EHLO was refused',
      explanation:
        'The reply to EHLO was "{{reply}}". PIX MailGuard refuses EHLO so that only plain SMTP passes; without an EHLO reply the client cannot see STARTTLS. Some very old servers also refuse EHLO, so check the device before concluding.',
    },
    'starttls-missing': {
      title: 'The EHLO reply does not offer STARTTLS',
      explanation:
        'The reply is complete and nothing in it is masked, but STARTTLS is not listed. The server (or this listener) may simply not offer TLS: this alone is not proof of a firewall. Compare with a test from the server\u2019s own network.',
    },
    'starttls-before-greeting': {
      title: '{{keyword}} is listed before the EHLO greeting line',
      explanation:
        'The first line of an EHLO reply must be the greeting (the server\u2019s name); here it is {{keyword}}. Clients that follow RFC 5321, a Cisco ESA among them, ignore that line and report "STARTTLS not supported". This is a server bug that looks like the firewall fault: fix the server, not the firewall.',
    },
    'tls-ok': {
      title: 'STARTTLS was accepted and TLS established (port {{port}})',
      explanation:
        'The server answered 220 to STARTTLS and the TLS handshake completed on port {{port}}. Nothing on this path masks STARTTLS on that port; inspection is per port, so a clean 587 or 465 says nothing about 25.',
    },
    'path-differs': {
      title: 'The mail path answers differently from {{left}} and {{right}}',
      explanation:
        'The same SMTP probe got different answers from the two vantage points ({{differences}}). A server does not change its answers with the client\u2019s location, so a device between the two points rewrites the conversation, typically firewall SMTP inspection that removes STARTTLS.',
    },
  },
  asa: {
    'esmtp-map-unknown': {
      title: 'ESMTP inspection uses map {{map}}, whose definition is not here',
      explanation:
        '"inspect esmtp {{map}}" is applied in {{places}} (port {{ports}}), but the map itself is not in the evidence. It may already allow TLS: the verdict is unknown until "show running-config policy-map type inspect esmtp {{map}}" is added.',
    },
    'esmtp-inspection-active': {
      title: 'ESMTP inspection is active without allow-tls ({{places}})',
      explanation:
        '"inspect esmtp" is applied with the map {{map}}, which does not allow TLS. The firewall removes STARTTLS from EHLO replies (250 XXXXXXXA) and X-es out the STARTTLS command, so mail through it cannot be encrypted.',
    },
    'esmtp-inspection-allow-tls': {
      title: 'ESMTP inspection allows TLS',
      explanation:
        'ESMTP inspection is applied with a map that has allow-tls (or the firewall logged 108007 "TLS started"). STARTTLS passes this inspection, so it is not what breaks TLS here.',
    },
  },
  pix: {
    'no-7x-hardware': {
      title: 'A {{model}} cannot run PIX 7.x',
      explanation:
        'PIX 501 and 506E stay on 6.x (7.x needs a 515/515E/525/535). Neither allow-tls nor the duplicate-header fix can reach this device: replacing it is the lasting fix.',
    },
    'mailguard-active': {
      title: 'PIX MailGuard is on (fixup protocol smtp {{ports}})',
      explanation:
        'With "fixup protocol smtp" only the seven RFC 821 commands pass; EHLO is refused and the banner asterisked, so the server can never offer STARTTLS through this firewall.',
    },
    'duplicate-header-bug': {
      title: 'Software {{version}} has the duplicate-header bug',
      explanation:
        'PIX/ASA releases before 7.2(3) with any SMTP/ESMTP inspection drop connections when they misread duplicate headers; DomainKeys/DKIM signature headers are a known trigger (Cisco 118550). Expect some signed mail to fail until the inspection is off or the software is upgraded.',
    },
  },
  ftd: {
    'managed-device': {
      title: 'This is a Firepower Threat Defense device',
      explanation:
        'FTD is configured from FMC or FDM. Commands typed at its CLI are not supported and are overwritten at the next deployment, so changes to inspection go through a FlexConfig object.',
    },
  },
  device: {
    'failover-standby': {
      title: 'This output is from the standby unit of a failover pair',
      explanation:
        'Configuration is made on the active unit and copied to the standby. Apply any change on the active unit; commands typed on the standby are not replicated.',
    },
    'no-smtp-inspection': {
      title: 'No SMTP inspection in this device output ({{what}})',
      explanation:
        'Neither "inspect esmtp" nor "fixup protocol smtp" is active in what was given. If STARTTLS is still masked, the inspecting firewall is elsewhere in the path, or this output is incomplete (check that the policy-map section is included).',
    },
  },
  log: {
    'postfix-pix-workaround': {
      title: 'Postfix enabled its PIX workarounds ({{hosts}})',
      explanation:
        'Postfix saw a banner made of asterisks and turned on "{{workarounds}}". With disable_esmtp it does not even try STARTTLS: a PIX/ASA masking the banner sits in front of that host.',
    },
    'asa-esmtp-inspection': {
      title: 'The firewall logged ESMTP inspection actions ({{messageIds}})',
      explanation:
        'Syslog messages 108002\u2013108006 and 507003 on an SMTP port come from the ESMTP inspection engine: it is live on the firewall that logged them ({{count}} line(s)).',
    },
    'esa-starttls-not-supported': {
      title: 'The ESA logged failed or unsupported STARTTLS',
      explanation:
        'Lines such as "STARTTLS command not supported" or "TLS failed" are consistent with a firewall masking STARTTLS, but they are not proof: the peer may simply not offer TLS, or list it out of order.',
    },
    'exchange-auth-blocked': {
      title: 'Exchange could not authenticate to another Exchange server (451 5.7.3)',
      explanation:
        '"Cannot achieve Exchange Server authentication" ({{count}} line(s)) means the receiving Exchange server did not offer, or did not accept, X-EXPS. A firewall between the two servers that inspects SMTP masks the EHLO keywords it does not know (X-EXPS, X-ANONYMOUSTLS, so also TLS between the servers); a Receive connector without Exchange Server authentication gives the same error.',
    },
  },
  tlsrpt: {
    'starttls-not-supported': {
      title: 'Senders found no STARTTLS at {{mx}} ({{sessions}} sessions, {{first}} to {{last}})',
      explanation:
        'TLS-RPT reports from {{reporters}} say that {{sessions}} delivery session(s) to {{mx}} (domain {{domain}}) found no STARTTLS (result "starttls-not-supported", RFC 8460), between {{first}} and {{last}}; sending MTAs: {{senders}}. A firewall in front of that MX that masks STARTTLS makes every sender see exactly this; so does an MX with TLS switched off. Probe {{mx}} from outside (unmask probe) to tell which.',
    },
    'failures-started': {
      title: 'STARTTLS went missing at {{mx}} on {{started}}',
      explanation:
        'The report of {{lastClean}} counts successful sessions for {{domain}} and no "starttls-not-supported" at {{mx}}; the failures start with the report of {{started}}. Line this day up with changes on the firewall in front of {{mx}} (configuration saves, upgrades, a new inspection policy).',
    },
    'all-mx-failing': {
      title: 'Every reported session to {{domain}} failed: all MX paths lose STARTTLS',
      explanation:
        'On the days with "starttls-not-supported" ({{failing}}) the reports count {{failed}} failed and no successful session for {{domain}}. The masking sits where all MX paths meet, typically the one edge firewall in front of the mail servers.',
    },
    'some-mx-failing': {
      title: 'Only the path to {{failing}} loses STARTTLS',
      explanation:
        'On the same days {{successes}} session(s) to {{domain}} succeeded with TLS, {{failed}} failed; the failures name only {{failing}} (other MX hosts known: {{others}}). Look at what differs on the path to {{failing}}: another firewall, another site, a backup MX behind an older box.',
    },
    'other-failures': {
      title: 'TLS-RPT failures of another kind: {{type}} ({{sessions}} sessions)',
      explanation:
        'Senders report "{{type}}" at {{mx}}. STARTTLS was offered, and something else failed (a certificate, a DANE TLSA record or the MTA-STS policy, RFC 8460 section 4.3.2): SMTP inspection on a firewall is not the cause of these.',
    },
    'all-successful': {
      title: 'TLS-RPT: {{sessions}} sessions to {{domain}} in TLS, no failures',
      explanation:
        'The reports from {{reporters}} count only successful TLS sessions to {{domain}}: nothing on the path masked STARTTLS for these senders in this period.',
    },
    unreadable: {
      title: 'A TLS-RPT report could not be read ({{source}})',
      explanation: 'The input looks like a TLS-RPT report (RFC 8460 JSON) but cannot be read: {{detail}}.',
    },
  },
  capture: {
    'firewall-rewrote': {
      title:
        'The firewall changed "{{original}}" into "{{changed}}" ({{originalCapture}} line {{originalLine}}, {{changedCapture}} line {{changedLine}})',
      explanation:
        'The same SMTP connection was captured on both sides of the firewall. Line {{originalLine}} of {{originalCapture}} is what the sender wrote; line {{changedLine}} of {{changedCapture}} is what the other side received ({{changes}} line(s) differ in all). Only a device between the two capture points rewrites SMTP this way: the firewall\u2019s SMTP inspection, caught in the act. An empty "changed" means the line was dropped.',
    },
    errors: {
      'not-a-capture': '{{file}} is not a pcap or pcapng capture.',
      truncated: '{{file}} ends in the middle of a record (at byte {{offset}}): the frames before it were read.',
      'too-large': '{{file}} is larger than {{limit}} bytes; cut the capture to the mail host and port 25 first.',
      'unsupported-link': '{{file}} holds frames of link type {{linkType}}, which cannot be read; they were skipped.',
      'no-tcp': '{{file}} holds no TCP traffic.',
      'no-smtp': '{{file}} holds {{connections}} TCP connection(s), none of them SMTP.',
      encrypted:
        '{{file}}: all {{connections}} SMTP connection(s) are TLS from the first byte (port 465): nothing readable to compare.',
      gaps: '{{file}}: connection {{connection}} misses {{bytes}} bytes the capture did not see; lines around the gap may be incomplete.',
      'stream-capped': '{{file}}: connection {{connection}} carries more data than is read; the rest was skipped.',
      onlyOneSide:
        'Only one capture was given: the firewall\u2019s change can only be shown with a capture of each side (inside and outside).',
    },
  },
  mailPolicy: {
    heading: 'Mail policies of {{domain}} (MTA-STS, TLS-RPT, DANE)',
    cli: {
      ca: 'PEM file of the CA to trust for the MTA-STS policy host (lab only; default: the system roots)',
      port: 'port of the MTA-STS policy host (lab only; default 443)',
      badCa: '{{file}} holds no PEM certificate (-----BEGIN CERTIFICATE-----).',
    },
    sts: {
      policy: 'MTA-STS: mode {{mode}} (id {{id}}, max_age {{maxAge}}, mx: {{mx}})',
      fetchFailed:
        'MTA-STS: record id {{id}}, but the policy {{url}} could not be used: {{message}} (senders act as if there were no policy)',
      lookupFailed: 'MTA-STS: the _mta-sts record could not be looked up: {{message}}',
      record: {
        none: 'MTA-STS: none (no _mta-sts TXT record)',
        several: 'MTA-STS: several _mta-sts records, so senders use none (RFC 8461 section 3.1)',
        syntax: 'MTA-STS: the _mta-sts record is not valid, so senders use none: {{text}}',
      },
    },
    tlsrpt: {
      published: 'TLS-RPT: reports go to {{rua}}',
      none: 'TLS-RPT: none (no _smtp._tls TXT record): senders send no reports of failed TLS',
      several: 'TLS-RPT: several _smtp._tls records, so senders send none',
      syntax: 'TLS-RPT: the _smtp._tls record has no usable rua: {{text}}',
      lookupFailed: 'TLS-RPT: the _smtp._tls record could not be looked up: {{message}}',
    },
    dane: {
      none: 'DANE: no TLSA',
      match: 'DANE: {{count}} TLSA, matching the certificate ({{dnssec}})',
      'no-match': 'DANE: {{count}} TLSA, none matches the certificate ({{dnssec}})',
      'no-tls': 'DANE: {{count}} TLSA, no certificate seen ({{dnssec}})',
      unusable: 'DANE: {{count}} TLSA, all of PKIX usage 0/1 which SMTP does not use ({{dnssec}})',
      'not-checked': 'DANE: {{count}} TLSA, not checkable here (SHA-512 or full data) ({{dnssec}})',
      error: 'DANE: the TLSA lookup failed',
      validated: 'DNSSEC validated by the resolver',
      notValidated: 'not DNSSEC validated: DANE senders ignore them',
    },
    mx: {
      line: '{{host}}: MTA-STS {{sts}} · {{dane}} → {{level}}: {{verdict}}',
      listed: '(listed)',
      notListed: '(not listed)',
    },
    verdict: {
      noDeliveryDane:
        'compliant senders will not deliver: DANE makes TLS mandatory for {{host}} and STARTTLS does not get through, so their mail is deferred and then bounced',
      noDeliverySts:
        'compliant senders will not deliver: MTA-STS is in enforce mode and STARTTLS does not get through to {{host}}, so their mail is deferred and then bounced',
      inClear:
        'mail goes in clear: STARTTLS does not get through to {{host}} and no policy (MTA-STS {{mode}}) makes senders insist',
      daneMismatch: 'DANE senders will not deliver: no TLSA record matches the certificate of {{host}}',
      stsNotListed: 'MTA-STS senders will not deliver: {{host}} is not listed in the enforce policy of {{domain}}',
      stsUntrusted:
        'MTA-STS senders will not deliver: the certificate of {{host}} is not trusted, and the policy is enforce',
      protected: 'TLS works and the policy makes senders insist on it',
      unprotected: 'TLS works, but no policy makes senders insist on it: a masking firewall would go unnoticed',
      unknown: 'the probe did not get far enough to judge the policies',
    },
  },
  causes: {
    'local-esmtp-map-unknown': {
      title: 'ESMTP inspection with map {{map}}: whether it masks STARTTLS is unknown',
      explanation:
        'The firewall applies ESMTP inspection with a custom map ({{places}}, port {{ports}}) that the evidence does not define. If that map lacks allow-tls, it masks STARTTLS; collect its definition before changing anything.',
    },
    'local-egress-inspection': {
      title: 'Your own egress firewall masks STARTTLS on outgoing mail',
      explanation:
        'Masking shows on delivery to {{count}} destination(s): {{destinations}} (large providers among them: {{providers}}). Large providers run no PIX/ASA in front of their MX, and unrelated organisations rarely share one fault: the default global_policy also inspects outbound TCP/25, so the inspecting firewall is on your side. Collect its configuration before writing to partners.',
    },
    'exchange-auth-path': {
      title: 'A firewall between your Exchange servers most likely inspects SMTP',
      explanation:
        'Exchange servers of one organisation authenticate to each other with X-EXPS and protect the link with X-ANONYMOUSTLS; an SMTP-inspecting firewall between them (yours: the servers are) masks both, and the queue fills with 451 5.7.3. The other documented cause is a Receive connector without Exchange Server authentication, so confirm with the EHLO reply seen across that firewall before changing it.',
    },
    'inbound-path-inspection': {
      title: 'Mail to {{mx}} loses STARTTLS on the way in',
      explanation:
        'Outside senders ({{reporters}}) report no STARTTLS at {{mx}} for {{domain}} (first reported on {{first}}). The firewall in front of that MX most likely masks STARTTLS (ESMTP inspection or fixup smtp); an MX with TLS switched off looks the same in a report, so probe it from outside and collect that firewall before changing anything.',
    },
    'gateway-deletes-starttls': {
      title: 'A gateway in the path deletes STARTTLS from the EHLO reply',
      explanation:
        'The direct view offers STARTTLS; the view through the path lacks the line with nothing masked in its place. That is a mail gateway or proxy that strips keywords, not PIX/ASA masking: look for such a device on the path.',
    },
    'local-esmtp-inspection': {
      title: 'ESMTP inspection on this PIX/ASA masks STARTTLS (port {{ports}})',
      explanation:
        'The firewall\u2019s own configuration, counters or logs show ESMTP inspection without allow-tls. It removes STARTTLS from EHLO replies and X-es the STARTTLS command, so mail through it cannot be encrypted.',
    },
    'ftd-esmtp-inspection': {
      title: 'ESMTP inspection on this FTD masks STARTTLS',
      explanation:
        'The FTD applies ESMTP inspection without allow-tls. The fix belongs in FMC/FDM (FlexConfig), not at the device CLI.',
    },
    'pix-mailguard': {
      title: 'PIX MailGuard (fixup protocol smtp) blocks ESMTP and STARTTLS',
      explanation:
        'MailGuard lets only plain SMTP through: EHLO is refused and the banner asterisked, so STARTTLS is never offered.',
    },
    'old-pix-duplicate-header': {
      title: 'PIX/ASA {{version}} may drop DKIM-signed mail',
      explanation:
        'Releases before 7.2(3) with SMTP inspection end connections on duplicate headers, and DK/DKIM signatures are a known trigger.',
    },
    'remote-inspection': {
      title: 'SMTP inspection on the remote organisation\u2019s side',
      explanation:
        'The symptoms come from delivering to another organisation (or the local device shows no SMTP inspection): their firewall masks STARTTLS. Destinations seen: {{destinations}}; one or two unrelated destinations point at their side, many (or large providers) would point at yours. Only they can change it; the local mail gateway can keep mail flowing meanwhile.',
    },
    'path-inspection': {
      title: 'A PIX/ASA with SMTP inspection in the mail path masks STARTTLS',
      explanation:
        'The SMTP conversation shows what only an inspecting firewall does (masked STARTTLS, X-ed commands, asterisked banner). Collect the firewall\u2019s configuration to confirm which device it is and to build the fix. Destinations seen: {{destinations}}.',
    },
    'server-lookalike': {
      title: 'A server bug that looks like the firewall fault',
      explanation:
        'The server lists STARTTLS before its greeting line, so strict clients ignore it. Turning off firewall inspection will not help; the server\u2019s EHLO reply must be fixed.',
    },
    'server-no-starttls': {
      title: 'The server does not offer STARTTLS',
      explanation:
        'Nothing is masked; the server simply does not list STARTTLS. Enable TLS on the server or listener, or test from the server\u2019s own network to rule out a firewall.',
    },
  },
  severity: { critical: 'CRITICAL', warning: 'WARNING', info: 'INFO' },
  kinds: {
    'smtp-transcript': 'SMTP transcript',
    ndr: 'bounce (NDR)',
    'show-version': 'show version',
    'running-config': 'configuration',
    'show-fixup': 'show fixup',
    'show-service-policy': 'show service-policy',
    'show-context': 'show context',
    'show-failover': 'show failover',
    log: 'log lines',
    tlsrpt: 'TLS-RPT report',
    unknown: 'not recognised',
  },
  facts: {
    platform: 'Platform',
    version: 'Version',
    hostname: 'Hostname',
    model: 'Model',
    contextMode: 'Context mode',
    failover: 'Failover',
    failoverUnit: 'Failover unit',
    failoverRole: 'Failover role',
    asaVersion: 'ASA engine version',
    context: 'Security context',
    configStructure: 'Configuration structure (indentation lost)',
  },
  report: {
    inputs: 'Inputs',
    facts: 'Device facts',
    noFacts: 'none found',
    findings: 'Findings',
    noFindings: 'Nothing relevant to SMTP inspection was found.',
    causes: 'Root causes',
    noCauses: 'No root cause: nothing here shows STARTTLS being masked.',
    basedOn: 'Based on:',
    remedies: 'Remedies',
    noRemedies: 'None.',
    commands: 'Commands:',
    undo: 'Undo:',
    verify: 'Verify:',
    impact: 'Impact:',
    skipped: 'Not proposed: {{id}}.',
    yes: 'yes',
    no: 'no',
    singleContext: 'single',
    multipleContext: 'multiple',
    side: {
      local: 'Side: your own network (the local firewall or egress path).',
      remote: 'Side: the other organisation\u2019s network.',
      unknown: 'Side: not known from this evidence; collect the firewalls on your own path first.',
    },
  },
  analyze: {
    description: 'analyse device output, SMTP transcripts, bounces and logs; print findings, causes and fixes',
    files: 'files to analyse (- reads standard input; gzip files and folders of TLS-RPT reports too)',
    direct: 'an SMTP transcript taken straight to the mail server (compared with --through)',
    through: 'the same SMTP conversation taken through the path (firewall, gateway)',
    vantagePair: '--direct and --through go together: give both transcripts.',
    unreadable: 'Cannot read {{file}}: {{reason}}.',
    isDirectory: '{{file}} is a directory, not a file.',
    notText: '{{file}} is not a text file.',
    tooLarge: '{{file}} is larger than {{max}} bytes.',
    badGzip: '{{file}} is not a readable gzip file: {{reason}}.',
    noReports: '{{file}} is a directory with no reports in it (.json, .json.gz or .gz files).',
    tooManyFiles: '{{file}} holds more than {{max}} report files; give a smaller folder.',
  },
}
