// Grästorp Intake in one resource group: `az deployment group create -g RG -f infra/main.bicep -p infra/main.bicepparam`.
// Identity-only and secure by default: no shared keys, no connection strings with keys, no secrets in outputs.
targetScope = 'resourceGroup'

import { appSettings, AppParameters, DigestRecipientList, queueNames, RateLimitSettings, SiteSettings, StorageTables, tableNames } from 'modules/app-settings.bicep'
import { Tags } from 'modules/types.bicep'

@minLength(2)
@maxLength(10)
@description('Short lower-case name the resource names start from, e.g. grastorp.')
param namePrefix string

@description('Azure region of the app, its storage and monitoring (ACS and its e-mail service are global).')
param location string = 'swedencentral'

@description('The municipalities that take tips (ids in the app: grastorp, vara, essunga).')
param municipalities string[]

@description('The municipality of a tip that names none.')
param defaultMunicipality string

@description('Who gets the weekly digest.')
param digestRecipients DigestRecipientList[]

@description('Six-field NCRONTAB in UTC. Hourly 04:00-08:00 UTC on Monday and Tuesday covers 07:00 Swedish time in summer and winter.')
param digestSchedule string = '0 0 4-8 * * 1-2'

@description('Swedish local time on Monday from which last week\'s digest is due.')
param digestDueAt string = '07:00'

@description('Days a tip\'s text, place and contact, its receipt, poisoned messages and local digest files are kept; the municipality sets it under its archive rules.')
@minValue(30)
@maxValue(3650)
param retentionDays int = 365

@description('Six-field NCRONTAB in UTC for the daily retention timer (02:30 UTC by default).')
param retentionSchedule string = '0 30 2 * * *'

@description('lexicon (default) or keyword.')
param classifierKind 'lexicon' | 'keyword' = 'lexicon'

@description('Built-in lexicons to use; empty means Swedish and English.')
param classifierLanguages string[] = []

@description('builtin, none, or the path of a model file in the app package.')
param classifierModel string = 'builtin'

@description('Table names; the template creates each one.')
param tables StorageTables = { tips: 'Tips', receipts: 'TipReceipts', digests: 'Digests', audit: 'StaffAudit', actions: 'CommitmentActions', poisoned: 'PoisonedTips', rollup: 'CountRollup', followUp: 'FollowUpSnapshot' }

@description('Who stands behind the resident pages (privacy page, accessibility statement) and how long tips are kept.')
param site SiteSettings

@description('How many tips, status lookups and tip checks one client may make in ten minutes, per instance: the same defaults as the code, docs/CONFIGURATION.md and local.settings.json.example.')
param rateLimit RateLimitSettings = { enabled: true, perTenMinutes: 5, lookupsPerTenMinutes: 20, checksPerTenMinutes: 120 }

// Privacy:Key, drawn at deploy unless given (e.g. from Key Vault with getSecret in the .bicepparam). A new key only
// breaks the link between older and newer log hashes. The rate limits do not use it (their key lives in memory).
@secure()
@minLength(32)
@description('Secret of the keyed pseudonyms of references in logs; a new GUID at each deployment unless given.')
param privacyKey string = newGuid()

@description('Tenant of the Entra ID app registration staff sign in with.')
param entraTenantId string = tenant().tenantId

@description('Application (client) id of the app registration (docs/DEPLOY.md, step 1).')
param entraClientId string

@description('Operators\' e-mail addresses for alerts.')
param operatorEmails string[]

@description('A municipality\'s own sender domain, e.g. tips.grastorp.se; empty for the Azure-managed domain only.')
param customSenderDomain string = ''

@description('Send from customSenderDomain; true only after its DNS records are verified.')
param useCustomSenderDomain bool = false

@description('Local part of the digest\'s sender address.')
param senderLocalPart string = 'DoNotReply'

@description('Where ACS keeps e-mail data at rest (a geography such as Europe); the Email service and ACS must share it to be linked.')
param communicationDataLocation string = 'Europe'

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the plan scales out to; Flex Consumption documents 40 as the lowest maximum and 1000 as the highest.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('builtIn: the app sends e-mail with the built-in Communication and Email Service Owner role, so the first deployment succeeds. custom: with the three actions sending needs, defined by every deployment; switch after the first one, when the definition has replicated (docs/DEPLOY.md).')
param emailSenderRole 'builtIn' | 'custom' = 'builtIn'

@description('Give the deploying user the app\'s data roles, for debugging against the cloud storage from a laptop.')
param grantDeployerDataAccess bool = false

param tags Tags = { application: 'grastorp-intake' }

var abbreviations = loadJsonContent('abbreviations.json')
var token = uniqueString(subscription().id, resourceGroup().id, namePrefix)
var names = {
  identity: '${abbreviations.managedIdentity}${namePrefix}-${token}'
  storage: take('${abbreviations.storageAccount}${namePrefix}${token}', 24)
  plan: '${abbreviations.flexConsumptionPlan}${namePrefix}-${token}'
  app: '${abbreviations.functionApp}${namePrefix}-${token}'
  workspace: '${abbreviations.logAnalyticsWorkspace}${namePrefix}-${token}'
  applicationInsights: '${abbreviations.applicationInsights}${namePrefix}-${token}'
  communication: '${abbreviations.communicationServices}${namePrefix}-${token}'
  email: '${abbreviations.emailServices}${namePrefix}-${token}'
  actionGroup: '${abbreviations.actionGroup}${namePrefix}-${token}'
  alertPrefix: '${abbreviations.scheduledQueryRule}${namePrefix}-'
}

var deploymentContainerName = 'app-package'

// The paths built-in sign-in lets through; everything else (the staff area under /personal and /en/personal) needs an
// Entra ID sign-in. /api/stats is here too, though it is not public: it is for scripts, which cannot sign in with a
// browser, and the Functions host refuses it without a function key. A wildcard is documented only as a whole last
// segment ('/folder/*'), so a route and what lies under it are listed as two entries.
var publicPaths = [
  '/'
  '/en'
  '/status'
  '/status/*'
  '/kvitto/*'
  '/en/status'
  '/en/status/*'
  '/en/receipt/*'
  '/en/accessibility'
  '/en/personal-data'
  '/assets/*'
  '/api/tips'
  '/api/tips/*'
  '/static/*'
  '/tillganglighet'
  '/personuppgifter'
  '/uppfoljning'
  '/uppfoljning/*'
  '/uppfoljning.atom'
  '/en/follow-up'
  '/api/followup'
  '/api/stats'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    queueNames: queueNames
    tableNames: tableNames(tables)
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  params: {
    communicationServiceName: names.communication
    emailServiceName: names.email
    tags: tags
    dataLocation: communicationDataLocation
    customSenderDomain: customSenderDomain
    useCustomSenderDomain: useCustomSenderDomain
    senderLocalPart: senderLocalPart
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  // Names, not outputs, keep What-If precise; the resources must exist before roles are assigned on them.
  dependsOn: [storage, monitoring, communication]
  params: {
    appPrincipalId: identity.properties.principalId
    developerPrincipalId: grantDeployerDataAccess ? deployer().objectId : ''
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    communicationServiceName: names.communication
    emailSenderRole: emailSenderRole
  }
}

var appParameters AppParameters = {
  municipalities: municipalities
  defaultMunicipality: defaultMunicipality
  digestRecipients: digestRecipients
  digestSchedule: digestSchedule
  digestDueAt: digestDueAt
  retentionDays: retentionDays
  retentionSchedule: retentionSchedule
  classifierKind: classifierKind
  classifierLanguages: classifierLanguages
  classifierModel: classifierModel
  tables: tables
  site: site
  rateLimit: rateLimit
}

// Read here rather than passed as a module output, so that no deployment output carries the connection string.
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.applicationInsights
  dependsOn: [monitoring]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  // The app starts with its identity's roles in place, or its first storage calls fail.
  dependsOn: [rbac]
  params: {
    planName: names.plan
    appName: names.app
    location: location
    tags: tags
    identityId: identity.id
    deploymentContainerUri: storage.outputs.deploymentContainerUri
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    entraTenantId: entraTenantId
    entraClientId: entraClientId
    publicPaths: publicPaths
    appSettings: appSettings(appParameters, {
      identityClientId: identity.properties.clientId
      storageAccountName: storage.outputs.name
      applicationInsightsConnectionString: applicationInsights.properties.ConnectionString
      communicationEndpoint: communication.outputs.endpoint
      senderAddress: communication.outputs.senderAddress
      privacyKey: privacyKey
    })
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    actionGroupName: names.actionGroup
    alertPrefix: names.alertPrefix
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    functionAppId: resourceId('Microsoft.Web/sites', names.app)
    operatorEmails: operatorEmails
  }
}

output appUrl string = 'https://${functionApp.outputs.hostName}/'
output formUrl string = 'https://${functionApp.outputs.hostName}/'
output functionAppName string = functionApp.outputs.name
output identityClientId string = identity.properties.clientId
output senderAddress string = communication.outputs.senderAddress
