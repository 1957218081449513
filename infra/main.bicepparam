// Worked example: Grästorp's deployment, taking tips for Grästorp, Vara and Essunga.
using 'main.bicep'

param namePrefix = 'grastorp'
param location = 'swedencentral'

param municipalities = ['grastorp', 'vara', 'essunga']
param defaultMunicipality = 'grastorp'

// One list for the kommunpolis (all three municipalities), one per municipality for its own counts. Only a list
// marked audience 'Kommunpolis' gets tip texts and the residents' contacts; any other list gets counts and links.
param digestRecipients = [
  {
    id: 'kommunpolis'
    addresses: ['kommunpolis.grastorp@polisen.se']
    municipalities: []
    audience: 'Kommunpolis'
  }
  {
    id: 'grastorp'
    addresses: ['trygghet@grastorp.se']
    municipalities: ['grastorp']
  }
]

// UTC, hourly 04:00-08:00 on Monday and Tuesday: covers 07:00 Swedish time in summer and in winter.
param digestSchedule = '0 0 4-8 * * 1-2'
param digestDueAt = '07:00'

// Named on the privacy page and the accessibility statement.
param site = {
  municipality: 'Grästorps kommun'
  police: 'Polismyndigheten'
  contactEmail: 'trygghet@grastorp.se'
  dataProtectionOfficerEmail: 'dataskyddsombud@grastorp.se'
}

// Days what a resident wrote is kept (the municipality's archive rules); the pages promise the same number.
param retentionDays = 365
param retentionSchedule = '0 30 2 * * *'

param classifierKind = 'lexicon'
param classifierLanguages = ['sv', 'en']

// The app registration made in docs/DEPLOY.md, step 1.
param entraTenantId = '00000000-0000-0000-0000-000000000000'
param entraClientId = '00000000-0000-0000-0000-000000000000'

param operatorEmails = ['it-drift@grastorp.se']

// Azure-managed sender domain until the municipality's own is verified (docs/DEPLOY.md, "Own sender domain").
param customSenderDomain = 'tips.grastorp.se'
param useCustomSenderDomain = false

// The first deployment sends e-mail with the built-in Communication and Email Service Owner role; once it has run,
// switch to the custom role with only the three actions sending needs (docs/DEPLOY.md, "E-mail role").
// param emailSenderRole = 'custom'
