// Every role assignment of the deployment, written as loops over principals × roles. The app's identity gets the data
// roles it needs and nothing broader; the deploying user can get the same ones for local debugging.

param appPrincipalId string

@description('Object id of the deploying user, to give them the app\'s data roles for local debugging; empty for none.')
param developerPrincipalId string

param storageAccountName string
param applicationInsightsName string
param communicationServiceName string

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

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
// sending: these three actions are what sending with Entra ID needs.
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

resource emailAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(communicationService.id, p.id, acsEmailSender.name)
    scope: communicationService
    properties: {
      principalId: p.id
      principalType: p.type
      // The subscription-level id: a role definition made in a resource-group deployment is still a subscription resource.
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acsEmailSender.name)
    }
  }
]
