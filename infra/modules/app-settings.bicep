// The app settings as ONE literal object, in a function so that main.bicep deploys exactly what the tests read:
// tests/Infra.Tests evaluates this function with main.bicepparam's values (bicep build-params) and compares the keys
// with the settings the code binds. A setting the code needs and this object lacks fails the tests, and so does a
// setting here that nothing reads.

import { Settings } from 'types.bicep'

@export()
@description('Who gets one weekly digest, and which municipalities it covers (empty: all of them).')
type DigestRecipientList = {
  @description('Names the list in the sent-digest record, e.g. kommunpolis.')
  id: string
  @minLength(1)
  addresses: string[]
  municipalities: string[]
  @description('Whose mailbox the list is. Kommunpolis: tips with their text, place and the resident\'s contact. Kommun (the default): counts and links only, what the Kommun role may see; the form promises the contact goes to the kommunpolis only.')
  audience: ('Kommun' | 'Kommunpolis')?
}

@export()
@description('What the app does, as the deploying municipality chooses it (main.bicep parameters of the same names).')
type AppParameters = {
  municipalities: string[]
  defaultMunicipality: string
  digestRecipients: DigestRecipientList[]
  digestSchedule: string
  digestDueAt: string
  @description('Days a tip\'s text, place and contact, its receipt, poisoned messages and digest files are kept (Retention:Days); the pages say the same.')
  @minValue(30)
  @maxValue(3650)
  retentionDays: int
  @description('Six-field NCRONTAB in UTC for the daily retention timer.')
  retentionSchedule: string
  classifierKind: 'lexicon' | 'keyword'
  classifierLanguages: string[]
  classifierModel: string
  tables: StorageTables
  site: SiteSettings
  rateLimit: RateLimitSettings
}

@export()
@description('How many tips, status lookups and tip checks one client may make in any ten minutes (RateLimitOptions); counted in each instance\'s memory, so across the site at most the limit times maximumInstanceCount.')
type RateLimitSettings = {
  @description('Off only for a load run that must measure intake rather than 429s.')
  enabled: bool
  @description('Tips per client in any ten minutes.')
  @minValue(1)
  @maxValue(1000)
  perTenMinutes: int
  @description('Status lookups per client in any ten minutes, found codes and unknown ones alike; more are refused (429) until the window has room.')
  @minValue(1)
  @maxValue(1000)
  lookupsPerTenMinutes: int
  @description('Checks of a tip being written (/api/tips/check) per client in any ten minutes; the form asks while the resident types, so generous.')
  @minValue(1)
  @maxValue(10000)
  checksPerTenMinutes: int
}

@export()
@description('Who stands behind the resident pages: the privacy page and the accessibility statement name them (SiteOptions).')
type SiteSettings = {
  @description('The municipality that is joint controller with the police, e.g. Grästorps kommun.')
  municipality: string
  @description('The police authority, joint controller.')
  police: string
  @description('Where residents report accessibility problems and send requests about their data.')
  contactEmail: string
  @description('The data protection officer\'s address.')
  dataProtectionOfficerEmail: string
}

@export()
@description('Table names; the template creates each of them.')
type StorageTables = {
  tips: string
  receipts: string
  digests: string
  @description('The staff audit log (who was shown or corrected which tip).')
  audit: string
  @description('What staff did per promise commitment (published on the follow-up).')
  actions: string
  @description('One row per tip message that failed processing for good; the digest counts them.')
  poisoned: string
  @description('Each municipality\'s weekly counters, one row per week, copied from the tips table for stats.')
  rollup: string
  @description('The public follow-up\'s counts of completed weeks, one row refreshed daily: what the public pages read.')
  followUp: string
}

@export()
@description('What the deployment itself produces and the settings point at.')
type Endpoints = {
  identityClientId: string
  @description('The storage account the host and the app share, named rather than given by service URIs (docs/DEPLOY.md).')
  storageAccountName: string
  applicationInsightsConnectionString: string
  communicationEndpoint: string
  senderAddress: string
  @description('Privacy:Key, generated at deploy: the secret of the keyed pseudonyms (references in logs, the rate limit\'s client keys), shared by every instance.')
  @secure()
  privacyKey: string
}

@export()
@description('The queues the app uses: the trigger\'s queue and where the host parks poisoned messages (StorageNames in Core).')
var queueNames = ['tips', 'tips-poison']

@export()
@description('Every table the app uses; the template creates them all.')
func tableNames(tables StorageTables) string[] => [tables.tips, tables.receipts, tables.digests, tables.audit, tables.actions, tables.poisoned, tables.rollup, tables.followUp]

// Configuration keys in app-setting form: ':' becomes '__' and list items are numbered from 0.
func listSettings(prefix string, values string[]) Settings =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => values[i])

func recipientSettings(lists DigestRecipientList[]) Settings =>
  reduce(range(0, length(lists)), {}, (settings, i) => union(
    settings,
    { 'Digest__Recipients__${i}__Id': lists[i].id, 'Digest__Recipients__${i}__Audience': lists[i].?audience ?? 'Kommun' },
    listSettings('Digest__Recipients__${i}__Addresses', lists[i].addresses),
    listSettings('Digest__Recipients__${i}__Municipalities', lists[i].municipalities)))

@export()
@description('Every app setting of the function app.')
func appSettings(app AppParameters, endpoints Endpoints) Settings => union({
  // Storage through the app's user-assigned identity only: no connection string, no account key. By account name, not
  // the three service URIs: with those the host on Flex reported intermittent 401s (Azure/azure-functions-host#11782).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: endpoints.identityClientId
  AzureWebJobsStorage__accountName: endpoints.storageAccountName
  // Application Insights with local auth off: the identity's token, not the instrumentation key, authorises ingestion.
  APPLICATIONINSIGHTS_CONNECTION_STRING: endpoints.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${endpoints.identityClientId};Authorization=AAD'
  AzureWebJobsDisableHomepage: 'true'
  // UTC: WEBSITE_TIME_ZONE is not supported on Linux (Flex) plans; Core decides from Swedish time whether a digest is due.
  DIGEST_SCHEDULE: app.digestSchedule
  Digest__DueAt: app.digestDueAt
  Digest__From: endpoints.senderAddress
  // The package folder is read-only on Flex: should the transport be switched to pickup, it writes to the temp disk.
  Digest__PickupDirectory: '/tmp/digests'
  // The digest goes out through ACS Email with the app's user-assigned identity (a bearer token, no access key).
  Digest__Transport: 'acs'
  Acs__Endpoint: endpoints.communicationEndpoint
  Acs__credential: 'managedidentity'
  Acs__clientId: endpoints.identityClientId
  Municipalities__Default: app.defaultMunicipality
  Classifier__Kind: app.classifierKind
  Classifier__Model: app.classifierModel
  // The Swedish word list ships beside the app but is off: out of fold it changed nothing (docs/CLASSIFIER.md).
  Classifier__SpellingDictionary: 'none'
  Storage__TipsTable: app.tables.tips
  Storage__ReceiptsTable: app.tables.receipts
  Storage__DigestsTable: app.tables.digests
  Storage__AuditTable: app.tables.audit
  Storage__ActionsTable: app.tables.actions
  // Staff sign-in is App Service Authentication (Entra ID); the app trusts its principal only with WEBSITE_AUTH_ENABLED=True, which the platform sets.
  Staff__SignInPath: '/.auth/login/aad'
  Staff__SignOutPath: '/.auth/logout'
  Site__Municipality: app.site.municipality
  Site__Police: app.site.police
  Site__ContactEmail: app.site.contactEmail
  Site__DataProtectionOfficerEmail: app.site.dataProtectionOfficerEmail
  // One period for the retention timer and for what the receipt and the privacy page promise.
  Retention__Days: string(app.retentionDays)
  RETENTION_SCHEDULE: app.retentionSchedule
  Storage__PoisonedTable: app.tables.poisoned
  Storage__RollupTable: app.tables.rollup
  Storage__FollowUpTable: app.tables.followUp
  // One key for every instance, so a reference's log hash is the same wherever a request lands. (The rate limits draw a
  // key of their own at random in each instance's memory: nothing here can turn them back into addresses.)
  Privacy__Key: endpoints.privacyKey
  RateLimit__Enabled: string(app.rateLimit.enabled)
  RateLimit__PerTenMinutes: string(app.rateLimit.perTenMinutes)
  RateLimit__LookupsPerTenMinutes: string(app.rateLimit.lookupsPerTenMinutes)
  RateLimit__ChecksPerTenMinutes: string(app.rateLimit.checksPerTenMinutes)
  // Every request reaches the app through the platform's front end, which appends the client's address to
  // X-Forwarded-For: the rate limits count by it (rightmost public entry). Our own setting, not a platform variable,
  // since which of those a plan sets differs (WEBSITE_INSTANCE_ID is App Service's, not Flex Consumption's).
  RateLimit__BehindFrontEnd: 'true'
}, listSettings('Municipalities__Ids', app.municipalities),
  listSettings('Classifier__Languages', app.classifierLanguages),
  recipientSettings(app.digestRecipients))
