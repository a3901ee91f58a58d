export const cli = {
  description: 'Unmask: find and fix SMTP inspection that breaks STARTTLS on Cisco PIX/ASA firewalls.',
  options: {
    lang: 'language of the output (en or ko)',
    json: 'print JSON instead of text',
    version: 'print the version',
    help: 'show help for a command',
  },
  errors: {
    unknownCommand: "Unknown command '{{command}}'. Run 'unmask --help' for the list of commands.",
    unknownOption: "Unknown option '{{option}}'. Run 'unmask {{command}} --help'.",
    missingArgument: "Missing argument '{{argument}}'. Run 'unmask {{command}} --help'.",
    missingOption: "Missing required option '{{option}}'. Run 'unmask {{command}} --help'.",
    invalidArgument: 'Invalid value: {{message}}',
    excessArguments: "Too many arguments for 'unmask {{command}}'.",
    badLanguage: "Unsupported language '{{value}}': use en or ko.",
    generic: 'Error: {{message}}',
  },
  case: {
    description: 'create, list and show cases',
    new: {
      description: 'open a new case',
      customer: 'customer (organisation) name',
      site: 'site or location',
      engineer: 'engineer in charge',
      created: 'Case {{id}} created in {{dir}}',
    },
    list: { description: 'list the cases', none: 'No cases yet. Create one with: unmask case new --customer NAME' },
    caseArg: 'case id or folder',
    show: {
      description: 'show a case and its evidence list (what was collected, probed, attached, changed, with times)',
      raw: 'with --json: the journal as captured, secrets included (redacted by default)',
      since: 'only entries from then on: 30m, 2h, 7d or a date/time (2026-12-05, 2026-12-05T09:30:00Z)',
      type: 'only these kinds (case, probe, device, file, diagnosis, change, report) or journal types, comma-separated',
      evidence: 'Evidence ({{shown}} of {{total}} journal entries):',
      badSince: "--since takes 30m, 2h, 7d or a date/time such as 2026-12-05T09:30:00Z: '{{value}}'",
      badType: "Unknown --type '{{value}}': use {{kinds}} or a journal type such as probe.result.",
      notFound: "No case '{{id}}' in {{home}}.",
      torn: 'Warning: line {{line}} of the journal is incomplete (an interrupted write) and was ignored.',
      corrupt: 'Warning: line {{line}} of the journal is unreadable and was ignored.',
    },
    invalidField: '{{field}} must be 1 to {{max}} characters.',
    attach: {
      description: 'store files in a case as they are, each recorded with its SHA-256',
      files: 'files to store (- = standard input)',
      done: 'Stored {{source}} as {{name}} ({{bytes}} bytes, SHA-256 {{sha256}}) in case {{id}}.',
    },
    kinds: {
      case: 'case',
      probe: 'probe',
      device: 'device',
      file: 'file',
      diagnosis: 'diagnosis',
      change: 'change',
      report: 'report',
    },
    summary: {
      masked: 'STARTTLS masked',
      tls: 'TLS {{protocol}}',
      noTls: 'no TLS',
      failed: 'stopped at {{phase}}',
      file: '{{name}} ({{bytes}} bytes, SHA-256 {{sha256}}…)',
      evidence: '{{peer}} {{platform}}, {{count}} finding(s)',
      diagnosis: '{{findings}} finding(s); causes: {{causes}}',
      notSaved: 'not saved',
    },
  },
  analyze: {
    case: 'also store the inputs and the analysis in this case (id or folder)',
    recorded: 'Stored {{count}} input(s) and the analysis in case {{id}}.',
  },
  completion: {
    description: 'print a shell completion script (bash, zsh or powershell)',
    shell: 'bash, zsh or powershell',
    badShell: "Unknown shell '{{shell}}': use one of {{shells}}.",
  },
  progress: {
    report: 'Printing the report to {{file}}',
    probing: 'Probing {{count}} hosts',
  },
  help: {
    examplesTitle: 'Examples:',
    exitCodes: `Exit codes (the same for every command):
  0  done, nothing wrong found
  1  done, a problem found (a warning or critical finding, a cause, STARTTLS masked)
  2  bad usage: unknown command or option, bad value, unreadable file, no such case
  3  could not connect or complete: refused, timed out, host key not trusted, login failed
  4  a change was made (or may have been) but is not verified or not saved: check the device
  5  failed for another reason (the message says why)`,
    exitCodesShort:
      "Exit codes: 0 nothing wrong, 1 problem found, 2 bad usage, 3 could not connect, 4 change not verified, 5 other failure ('unmask --help').",
  },
  examples: {
    unmask: `  unmask case new --customer "Acme Mail" --site Seoul
  unmask analyze show-run.txt bounce.eml --case CASE_ID
  unmask --lang ko help probe`,
    case: `  unmask case new --customer "Acme Mail"
  unmask case list
  unmask case show CASE_ID --type probe,change`,
    case_new: `  unmask case new --customer "Acme Mail" --site Seoul --engineer "J. Kim"
  unmask case new --customer "Acme Mail" --json`,
    case_list: `  unmask case list
  unmask case list --json`,
    case_show: `  unmask case show CASE_ID
  unmask case show CASE_ID --since 2h --type probe,file
  unmask case show CASE_ID --type fix.applied,fix.verified --json`,
    case_attach: `  unmask case attach CASE_ID bounce.eml maillog.txt
  cat ndr.txt | unmask case attach CASE_ID -`,
    report: `  unmask report --case CASE_ID --out acme.pdf
  unmask --lang ko report --case CASE_ID --out acme-ko.pdf --html acme-ko.html`,
    probe: `  unmask probe mail.example.com:25
  unmask probe example.com --case CASE_ID
  unmask probe 127.0.0.1:2525 --compare 127.0.0.1:2526 --compare-vantage direct --json`,
    analyze: `  unmask analyze show-run.txt
  unmask analyze show-run.txt bounce.eml --case CASE_ID
  cat transcript.txt | unmask analyze - --json`,
    lab: `  unmask lab --list
  unmask lab --scenario asa9-default
  unmask lab --scenario pix6-mailguard --ports 2525,2526,2222`,
    collect: `  FW_PASS=... unmask collect ssh://admin@127.0.0.1:2222 --password-env FW_PASS --case CASE_ID
  unmask collect telnet://127.0.0.1:2323 --password-env FW_PASS --secret-env FW_ENABLE --json`,
    diagnose: `  unmask diagnose --device ssh://admin@127.0.0.1:2222 --probe 127.0.0.1:2525 --password-env FW_PASS --case CASE_ID
  unmask diagnose --device ssh://admin@127.0.0.1:2222 --probe 127.0.0.1:2525 --password-env FW_PASS \\
    --fix asa.no-inspect-esmtp --confirm ciscoasa --save --report acme.pdf`,
    capture: `  unmask capture --device ssh://admin@127.0.0.1:2222 --mail-host 192.168.10.25 --probe 198.51.100.25 --password-env FW_PASS
  unmask capture --device ssh://admin@127.0.0.1:2222 --mail-host 127.0.0.1 --server-interface inside \\
    --client-interface outside --probe 127.0.0.1:2525 --password-env FW_PASS --yes --case CASE_ID`,
    audit: `  unmask audit /srv/oxidized/configs
  unmask audit /srv/rancid/*/configs --only-affected --csv > affected.csv
  unmask audit backups/ --json | jq 'select(.type == "row")'`,
    completion: `  source <(unmask completion bash)
  source <(unmask completion zsh)
  unmask completion powershell | Out-String | Invoke-Expression`,
  },
}
