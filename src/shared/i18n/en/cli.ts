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
    show: {
      description: 'show a case and its journal',
      notFound: "No case '{{id}}' in {{home}}.",
      torn: 'Warning: line {{line}} of the journal is incomplete (an interrupted write) and was ignored.',
      corrupt: 'Warning: line {{line}} of the journal is unreadable and was ignored.',
    },
    invalidField: '{{field}} must be 1 to {{max}} characters.',
  },
}
