export const common = {
  appName: 'Unmask',
  tagline: 'Proves, fixes and documents firewalls that strip STARTTLS from mail.',
  customer: 'Customer',
  site: 'Site',
  engineer: 'Engineer',
  created: 'Created',
  caseId: 'Case',
  entries: 'Journal entries',
  attachments: 'Attachments',
}
