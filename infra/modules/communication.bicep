// Azure Communication Services for the weekly digest: an Email service with an Azure-managed domain, or a
// municipality's own verified domain, linked to the Communication Services resource the app sends through.
// Keys are off: the app sends with its identity and a role scoped to this resource (rbac.bicep).

import { Tags } from 'types.bicep'

param communicationServiceName string
param emailServiceName string
param tags Tags

@description('Where ACS keeps its data at rest; a domain links only to a resource in the same geography.')
param dataLocation string

@description('A municipality\'s own sender domain (e.g. tips.grastorp.se), created here; empty uses only the Azure-managed domain.')
param customSenderDomain string

@description('Link and send from customSenderDomain. Set true only once its DNS records are verified (docs/DEPLOY.md, "Own sender domain").')
param useCustomSenderDomain bool

@description('Local part of the sender address.')
param senderLocalPart string

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (!empty(customSenderDomain)) {
  parent: emailService
  name: empty(customSenderDomain) ? 'unused' : customSenderDomain
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

var sendFromCustomDomain = useCustomSenderDomain && !empty(customSenderDomain)

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    disableLocalAuth: true
    linkedDomains: [sendFromCustomDomain ? customDomain.id : managedDomain.id]
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}/'
output senderAddress string = sendFromCustomDomain
  ? '${senderLocalPart}@${customSenderDomain}'
  : '${senderLocalPart}@${managedDomain.properties.mailFromSenderDomain}'
