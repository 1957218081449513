// Every role assignment of the deployment, written as loops over principals × roles. The app's identity gets the data
// roles it needs and nothing broader; the deploying user can get the same ones for local debugging.

param appPrincipalId string

@description('Object id of the deploying user, to give them the app\'s data roles for local debugging; empty for none.')
param developerPrincipalId string

param storageAccountName string
param applicationInsightsName string
param communicationServiceName string

@description('builtIn (Communication and Email Service Owner) or custom (only the three actions sending needs); main.bicep says when to switch.')
param emailSenderRole 'builtIn' | 'custom'

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

var principals = concat(
  [{ id: appPrincipalId, type: 'ServicePrincipal' }],
  empty(developerPrincipalId) ? [] : [{ id: developerPrincipalId, type: 'User' }])

var storageRoles = [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]
var storageGrants = flatten(map(principals, p => map(storageRoles, role => { principal: p, role: role })))

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationServiceName
}

// No built-in send-only role exists for ACS e-mail, and Communication and Email Service Owner is broader than
// sending ("access to all Communication and Email service operations"): Microsoft documents these three actions as what
// sending with an Entra identity needs (MicrosoftDocs/azure-docs, articles/communication-services/quickstarts/email/
// send-email-smtp/includes/smtp-authentication-customrole.md; CommunicationServices/Write was added to that list, so it
// stays). A role definition replicates slowly: assigned in the deployment that defines it, the assignment can fail with
// RoleDefinitionDoesNotExist. So every deployment defines it, and it is assigned only with emailSenderRole 'custom',
// from the second deployment on; the first one assigns the built-in role, which exists in every tenant.
resource acsEmailSender 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'acs-email-sender')
  properties: {
    // Role names are unique per tenant: the resource group's id keeps two deployments apart.
    roleName: 'ACS e-mail sender (${resourceGroup().id})'
    description: 'Send e-mail through the Communication Services resources of this resource group, nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/CommunicationServices/Write'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
      }
    ]
    assignableScopes: [resourceGroup().id]
  }
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in storageGrants: {
    name: guid(storageAccount.id, grant.principal.id, grant.role)
    scope: storageAccount
    properties: {
      principalId: grant.principal.id
      principalType: grant.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.role)
    }
  }
]

resource telemetryAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(applicationInsights.id, p.id, monitoringMetricsPublisher)
    scope: applicationInsights
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    }
  }
]

// The subscription-level id: a role definition made in a resource-group deployment is still a subscription resource.
var emailRole = emailSenderRole == 'custom' ? acsEmailSender.name : communicationAndEmailServiceOwner

resource emailAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(communicationService.id, p.id, emailRole)
    scope: communicationService
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailRole)
    }
  }
]
