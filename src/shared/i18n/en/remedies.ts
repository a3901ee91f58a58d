// Texts for the remedies namespace; keep keys identical in en and ko (tests/shared/i18n checks).
// Remedy ids map to nested keys: `asa.allow-tls-map` → remedies.asa['allow-tls-map'].
export const remedies = {
  asa: {
    'allow-tls-map': {
      title: 'Keep ESMTP inspection but allow TLS',
      summary:
        'Add "allow-tls action log" to the ESMTP inspect map ({{maps}}) used in {{places}}, so STARTTLS passes while the other SMTP checks stay.',
      impact:
        'Once a session switches to TLS the firewall no longer inspects it (it logs 108007). The new map keeps the command-length, recipient-count and header-length limits but does not mask the banner, because Postfix treats a masked banner as a PIX and turns STARTTLS off. Connections already open keep the old behaviour until they close.',
    },
    'no-inspect-esmtp': {
      title: 'Turn off ESMTP inspection',
      summary: 'Remove "inspect esmtp" from {{places}}.',
      impact:
        'SMTP through this firewall is no longer inspected: STARTTLS and every ESMTP extension pass unchanged, and the firewall stops masking the banner and enforcing SMTP command limits (the mail server must protect itself, as a Cisco ESA does). Connections already open keep the old behaviour until they close.',
    },
  },
  pix: {
    'no-fixup-smtp': {
      title: 'Turn off PIX MailGuard',
      summary:
        'Enter "no fixup protocol smtp" for port(s) {{ports}}, naming the port (without it, port 25 comes back).',
      impact:
        'All SMTP commands, EHLO and STARTTLS included, pass to the mail server, which must protect itself. New connections get the change; open ones keep MailGuard until they close.',
    },
  },
  advice: {
    'local-egress': {
      title: 'Check your own egress firewall first',
      summary:
        'Masking shows on deliveries to {{destinations}}: the inspecting firewall is most likely on your own outbound path.',
      impact: 'Nothing changes until you decide; collecting configuration is read-only.',
      steps: {
        collectEgress:
          'Collect "show version", "show running-config" and "show service-policy inspect esmtp" from the firewall(s) your mail leaves through, and analyse them with this evidence.',
        probeEgress:
          'From inside, probe two or three large providers\u2019 MX hosts (unmask probe --egress): if all show masking, the local path masks STARTTLS.',
        fixThere:
          'Fix it on that firewall (allow-tls in an ESMTP map of your own, or no inspect esmtp); only if your path is clean, contact the partner with these lines:\n{{evidence}}',
      },
    },
    'exchange-auth-path': {
      title: 'Look at the EHLO reply between your Exchange servers',
      summary:
        'Exchange Server authentication fails between your own servers: check the firewall between them before the connectors.',
      impact: 'Nothing changes until you decide; a telnet test and collecting configuration are read-only.',
      steps: {
        telnetEhlo:
          'From the sending server, open port 25 of the receiving one and send EHLO in one line: an asterisked banner, X-ed lines (XXXXXXXA) or no X-EXPS / X-ANONYMOUSTLS in the reply mean a firewall in between rewrites SMTP. Evidence:\n{{evidence}}',
        collectFirewall:
          'Collect "show running-config" and "show service-policy inspect esmtp" from that firewall and analyse them here; exempt the traffic between the Exchange servers from ESMTP inspection.',
        checkConnector:
          'If the EHLO reply is clean, the receiving server’s Receive connector lacks Exchange Server authentication (and TLS): enable both (Microsoft KB 979175).',
      },
    },
    'inbound-path': {
      title: 'Find what masks STARTTLS in front of {{mx}}',
      summary:
        'Senders report no STARTTLS at {{mx}} ({{domain}}): test that MX from outside and look at the firewall in front of it.',
      impact: 'Nothing changes until you decide; probing and collecting configuration are read-only.',
      steps: {
        probeMx:
          'From outside your network, probe the MX: "unmask probe {{domain}}". A masked EHLO (XXXXXXXA) or "500 command not recognized" to STARTTLS means a firewall in the path; no STARTTLS and no masking means the MX itself has TLS off.',
        collectInbound:
          'Collect "show version", "show running-config" and "show service-policy inspect esmtp" (or "show fixup") from the firewall in front of {{mx}} and analyse them together with these reports.',
        fixThere: 'Fix it on that firewall as the remedies for its configuration say, then probe {{mx}} again.',
      },
    },
    'prevent-silent': {
      title: 'Prevent it from happening silently again (TLS-RPT, then MTA-STS)',
      summary:
        'Ask senders for daily TLS reports about {{domain}}, then let them refuse to deliver in clear, so the next masking firewall is noticed the same day instead of months later.',
      impact:
        'TLS-RPT changes nothing for delivery. MTA-STS "testing" changes nothing either (senders only report). MTA-STS "enforce" makes compliant senders (Google, Microsoft and others) defer mail rather than send it in clear when STARTTLS or the certificate fails: turn it on only after the fix, with a certificate valid for every MX, and clean reports for a few weeks.',
      steps: {
        replaceDomain: 'Replace example.com below with your mail domain and mail.example.com with your MX host names.',
        tlsrpt:
          'Publish TLS-RPT (RFC 8460): _smtp._tls.{{domain}}. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@{{domain}}". Reports arrive daily as gzip JSON; read them with "unmask analyze FOLDER".',
        stsTesting:
          'Publish MTA-STS in testing mode (RFC 8461): _mta-sts.{{domain}}. IN TXT "v=STSv1; id=1" (the id is 1-32 letters or digits; change it whenever the policy file changes).',
        stsPolicyTesting:
          'Serve the file /.well-known/mta-sts.txt over HTTPS on the host mta-sts.{{domain}} (with a certificate valid for that name), holding:\nversion: STSv1\nmode: testing\n{{mxLines}}\nmax_age: 86400',
        stsEnforce:
          'When the reports show no failures for a few weeks: change the file to "mode: enforce" and "max_age: 604800", and publish a new id (_mta-sts.{{domain}}. IN TXT "v=STSv1; id=2").',
        watch:
          'Keep reading the reports: a "starttls-not-supported" line names the MX and the day STARTTLS went missing ("unmask analyze" lines it up with the firewall change).',
      },
    },
    'replace-pix': {
      title: 'Replace the {{model}}',
      summary:
        'A {{model}} cannot run 7.x, so release {{version}} cannot be upgraded to 7.2(3): neither allow-tls nor the duplicate-header fix is available.',
      impact: 'Replacement is planned work; until then, turn off the SMTP inspection on it.',
      steps: {
        replace: 'Plan its replacement by a supported firewall with the device owner (PIX is end-of-life).',
        meanwhile:
          'Until then, turn off SMTP inspection on this device, or ask senders to stop DK/DKIM signing for this destination.',
      },
    },
    'failover-active': {
      title: 'Make the change on the active unit',
      summary:
        'This output is from the standby unit of a failover pair; configuration changes belong on the active unit.',
      impact: 'None by itself.',
      steps: {
        connectActive:
          'Connect to the active unit (or run "failover exec active" commands) and apply the change there.',
        checkRole: 'Check with "show failover" that "This host" is Active before sending the commands.',
      },
    },
    upgrade: {
      title: 'Upgrade the firewall software',
      summary:
        'Release {{version}} is earlier than 7.2(3): it has the duplicate-header bug and cannot allow TLS in ESMTP inspection.',
      impact: 'An upgrade is planned work with a maintenance window; until then, turn off the SMTP inspection.',
      steps: {
        plan: 'Plan an upgrade to 7.2(3) or later (8.0(3) or later on the 8.0 train) with the device owner.',
        meanwhile:
          'Until then, turn off SMTP inspection on this device, or ask senders to stop DK/DKIM signing for this destination.',
      },
    },
    'remote-side': {
      title: 'Ask the other organisation to fix their firewall',
      summary: 'The masking firewall is not yours. Send its owner the evidence and keep mail flowing meanwhile.',
      summaryPath:
        'A firewall in the mail path masks STARTTLS, and the evidence does not say whose it is. Find out first; if it is the other organisation\u2019s, send its owner the evidence.',
      impact:
        'Nothing changes on your devices until you decide; with TLS Preferred, mail to that domain flows unencrypted until they fix it.',
      steps: {
        collectDevice:
          'Collect "show version", "show running-config" and "show service-policy inspect esmtp" (or "show fixup" on PIX 6.x) from your own firewalls in the mail path and analyse them with this evidence: if one of them shows SMTP inspection, fix it there.',
        tellPartner:
          'Send the other organisation these lines and ask them to turn off ESMTP inspection for their mail server or to allow TLS in it (allow-tls, ASA/PIX 7.2(3)+):\n{{evidence}}',
        tlsPreferred:
          'On your mail gateway, set TLS for that destination to Preferred rather than Required, so mail is delivered (in clear) instead of queued or bounced.',
        dkimOff:
          'While an old PIX (before 7.2(3)) is suspected, turn off DK/DKIM signing for that destination: signature headers trigger its duplicate-header bug.',
        recheck:
          'When they report the change, probe their mail server again and check that STARTTLS is offered and TLS is established.',
      },
    },
    'ftd-flexconfig': {
      title: 'Change ESMTP inspection through FlexConfig (FMC/FDM)',
      summary: 'FTD must not be changed at the CLI. Deploy the lines below in a FlexConfig object ({{places}}).',
      impact:
        'The change reaches the device with the next deployment; the deployment itself may briefly affect traffic as any FTD deployment does.',
      steps: {
        findPlaces:
          'On the device, run "show running-config policy-map" to see which policy-map and class apply inspect esmtp; the FlexConfig lines must name exactly those.',
        object: 'In FMC (Objects > FlexConfig) or FDM, create a FlexConfig object with the lines shown.',
        assign: 'Add the object to the device\u2019s FlexConfig policy.',
        deploy: 'Deploy, then check with "show service-policy inspect esmtp" and probe the mail server again.',
      },
    },
  },
  verify: {
    noInspectLine: 'Policy-map {{policy}} class {{class}} no longer has an "inspect esmtp" line',
    servicePolicyEmpty: 'No ESMTP inspection is listed any more',
    probeTls: 'Probe the mail server through the firewall again: STARTTLS is offered and TLS is established',
    allowTlsLine: 'Map {{map}} has "allow-tls action log" under parameters',
    serviceTlsMap: 'ESMTP inspection is listed with the map that allows TLS',
    syslog108007: 'New mail sessions log %ASA-6-108007 "TLS started on ESMTP session"',
    noFixup: 'No "fixup protocol smtp" line is on for port(s) {{ports}}',
    newConnections: 'Only new connections see the change; wait for open SMTP connections to close',
    probeBanner: 'Probe the mail server again: the banner is readable and EHLO lists the extensions, STARTTLS included',
  },
  skipped: {
    allowTlsFwsm:
      'FWSM has its own release train and whether its ESMTP maps take allow-tls is not confirmed; turning inspect esmtp off is proposed instead.',
    noPlaces:
      'the configuration (or "show service-policy") that names the policy-map and class is missing; collect "show running-config policy-map" to build the commands.',
    versionUnknown: 'the software version is unknown, and allow-tls needs 7.2(3) or later; add "show version".',
    allowTlsVersion: 'version {{version}} does not support allow-tls (it needs 7.2(3)+ or 8.0(3)+).',
    mapNotInConfig: 'the custom ESMTP inspect map is not in the configuration given; collect the whole configuration.',
    noFixupSeen: 'no "fixup protocol smtp" line was seen, so the port to turn off is unknown; collect "show fixup".',
  },
}
