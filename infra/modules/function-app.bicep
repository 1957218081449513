// The Function App on Flex Consumption (FC1, Linux, .NET 10 isolated), running as the user-assigned identity for
// everything: its deployment package, storage, Application Insights and ACS. HTTPS only, TLS 1.2, no basic publishing
// credentials (Flex has no FTP to turn off, and rejects siteConfig.ftpsState); staff routes behind Microsoft Entra ID
// sign-in, public pages excluded.

import { SecureSettings, Tags } from 'types.bicep'

param planName string
param appName string
param location string
param tags Tags

param identityId string
param deploymentContainerUri string

@description('Every app setting (app-settings.bicep); secure, because Privacy__Key is one of them and deployment history must not show it.')
param appSettings SecureSettings

@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Flex Consumption documents 40 as the lowest maximum instance count and 1000 as the highest.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Tenant of the Entra ID app registration staff sign in with.')
param entraTenantId string

@description('Application (client) id of that app registration.')
param entraClientId string

@description('Paths anyone may call without signing in: the public form, status pages and the intake API.')
param publicPaths string[]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Residents reach the form from the internet; storage behind it is reached by identity only.
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUri
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }

  // The four writes to this site below run one after another (each dependsOn the one before): written in parallel,
  // config writes to one site race (azd serialised its appsettings and logs writes for it: Azure/azure-dev#3125).
  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // Built-in authentication: everything needs a signed-in Entra ID user except the public paths. Which staff member
  // may see what (app roles Kommunpolis, Granskare, Kommun.<Kommun>: docs/ROLES.md) is decided in the app. No client
  // secret: sign-in uses the ID token flow, so the app registration must issue ID tokens (docs/DEPLOY.md, step 1).
  resource authentication 'config' = {
    name: 'authsettingsV2'
    dependsOn: [settings]
    properties: {
      platform: { enabled: true, runtimeVersion: '~1' }
      globalValidation: {
        requireAuthentication: true
        unauthenticatedClientAction: 'RedirectToLoginPage'
        redirectToProvider: 'azureactivedirectory'
        excludedPaths: publicPaths
      }
      httpSettings: {
        requireHttps: true
        forwardProxy: { convention: 'NoProxy' }
        routes: { apiPrefix: '/.auth' }
      }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: entraClientId
            openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          }
          validation: {
            allowedAudiences: ['api://${entraClientId}', entraClientId]
          }
        }
      }
      login: {
        tokenStore: { enabled: false }
        preserveUrlFragmentsForLogins: false
      }
    }
  }

  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    dependsOn: [authentication]
    properties: { allow: false }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    dependsOn: [ftpCredentials]
    properties: { allow: false }
  }
}

output name string = app.name
output hostName string = app.properties.defaultHostName
