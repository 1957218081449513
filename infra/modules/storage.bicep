// The storage account the Functions host and the app share: identity only (no shared keys), no public blobs,
// the app's queues and tables created here rather than at first use, and a lock against deletion.

import { Tags } from 'types.bicep'

param name string
param location string
param tags Tags

@description('Queues the app reads and writes (the trigger\'s queue and its poison queue).')
param queueNames string[]

@description('Every table the app uses.')
param tableNames string[]

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Reached from the Flex app without a virtual network; with shared keys off every request needs an Entra token
    // from an identity holding a data role.
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource queueService 'queueServices' = {
    name: 'default'
  }

  resource tableService 'tableServices' = {
    name: 'default'
  }
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: account::queueService
    name: queueName
  }
]

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: account::tableService
    name: tableName
  }
]

// Tips and counts live only here: deleting the account by mistake would lose them.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete-tips'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the tips and their counts. Remove this lock deliberately before deleting the account.'
  }
}

output name string = account.name
output deploymentContainerUri string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
