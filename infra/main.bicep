// BillingBot in Azure: the web app (Linux, .NET 10, several instances) behind an Azure Bot with the Microsoft Teams
// channel; Table Storage and the bot's client secret in Key Vault, both reached with the web app's managed identity (no
// keys or connection strings in app settings); Application Insights on a Log Analytics workspace.
// Deploy into an existing resource group: see README, "Deploy to Azure".

metadata description = 'BillingBot: App Service, Azure Bot (Teams), Table Storage and Key Vault through managed identity, Application Insights.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------------

@description('Short name in every resource name: 3 to 11 lower-case letters and digits, starting with a letter (for example billingbot).')
@minLength(3)
@maxLength(11)
param baseName string

@description('Region of every resource except the Azure Bot, which is global. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Application (client) id of the bot\'s single-tenant Entra app registration.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Directory (tenant) id of that app registration; defaults to the tenant you deploy in.')
@minLength(36)
@maxLength(36)
param botTenantId string = tenant().tenantId

@description('A client secret of that app registration. Stored only as a Key Vault secret; the app reads it through a Key Vault reference.')
@secure()
@minLength(1)
param botAppPassword string

@description('The bot\'s name as people see it in the Azure portal.')
param botDisplayName string = 'BillingBot'

@description('Azure Bot pricing tier. Teams is a standard channel: F0 serves it without a message quota.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The partner\'s name as customers know it (Bot:PartnerName).')
@minLength(1)
param partnerName string

@description('App Service plan tier (Linux). Premium v3 supports zone redundancy; B1 and S1 are enough for a trial.')
@allowed([
  'B1'
  'B2'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string = 'P0v3'

@description('Instances of the web app. State, reminder claims and hand-offs are kept consistent across instances in Table Storage.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Spread the instances over availability zones (Premium v3 with at least 2 instances, in a region with zones).')
param zoneRedundant bool = false

@description('Teams\' per-tenant write ceiling for the whole app (writes a second); every instance gets its share (Connector:TenantRequestsPerSecond).')
@minValue(1)
param tenantRequestsPerSecond int = 30

@description('Storage redundancy. ZRS keeps billing data in three zones; pick LRS in a region without zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Optional prefix of every table name (Storage:TablePrefix), so that several environments can share an account.')
@maxLength(20)
param tablePrefix string = ''

@description('Days Log Analytics keeps the app\'s telemetry and logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Further app settings (names with __ for the : of configuration keys, for example Agents__ChannelId). The settings this template sets itself win.')
param extraAppSettings object = {}

@description('Tags on every resource.')
param tags object = {}

// ---------------------------------------------------------------------------------------------------------------------
// Names and constants
// ---------------------------------------------------------------------------------------------------------------------

var suffix = take(uniqueString(resourceGroup().id, baseName), 8)
var storageAccountName = toLower('st${baseName}${suffix}')
var keyVaultName = 'kv-${baseName}-${suffix}'
var webAppName = 'app-${baseName}-${suffix}'
var botName = 'bot-${baseName}-${suffix}'
var planName = 'plan-${baseName}'
var workspaceName = 'log-${baseName}'
var insightsName = 'appi-${baseName}'
var secretName = 'MicrosoftAppPassword'

// The tables of the app: TableStore.AllTables (a test keeps the two lists equal). The app also creates them at start-up.
var tableNames = [
  'BotState'
  'ConversationReferences'
  'ActivityClaims'
  'Billing'
  'InvoicesDue'
  'ReminderLedger'
  'ReminderControls'
  'ReminderWatch'
  'Suspensions'
  'Handoffs'
  'HandoffsByChannel'
  'HandoffsByConversation'
  'HandoffTranscripts'
  'Tickets'
  'TicketsByStatus'
  'Touchpoints'
  'Staff'
]

// Built-in roles.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// The app's two endpoints (BotEndpoints.MessagesPath and HealthPath).
var messagesPath = '/api/messages'
var healthPath = '/healthz'

// ---------------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Table Storage: Entra ID only (shared keys off), TLS 1.2, no public blob access
// ---------------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: '${tablePrefix}${table}'
  }
]

// ---------------------------------------------------------------------------------------------------------------------
// Key Vault (RBAC) with the bot's client secret
// ---------------------------------------------------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretName
  properties: {
    value: botAppPassword
    contentType: 'Client secret of the bot\'s Entra app registration'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// App Service: Linux plan, web app with a system-assigned identity
// ---------------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet BillingBot.App.dll'
      alwaysOn: true
      healthCheckPath: healthPath
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

// Deployments authenticate with Entra ID (az webapp deploy), never with publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// What the web app's identity may do: read and write the tables' data, read the one secret
// ---------------------------------------------------------------------------------------------------------------------

resource tableDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, webApp.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'BillingBot reads and writes its tables'
  }
}

resource secretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appPassword.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: appPassword
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'BillingBot reads its client secret'
  }
}

// App settings come after the role assignments, so that the Key Vault reference resolves on the first start.
// Linux app settings spell the configuration key separator ':' as '__'.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(extraAppSettings, {
    ASPNETCORE_ENVIRONMENT: 'Production'
    ASPNETCORE_HTTP_PORTS: '8080'
    WEBSITES_PORT: '8080'
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential'
    MicrosoftAppId: botAppId
    MicrosoftAppType: 'SingleTenant'
    MicrosoftAppTenantId: botTenantId
    MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${appPassword.properties.secretUri})'
    Storage__TableEndpoint: storage.properties.primaryEndpoints.table
    Storage__TablePrefix: tablePrefix
    Bot__PartnerName: partnerName
    Connector__TenantRequestsPerSecond: string(max(1, tenantRequestsPerSecond / instanceCount))
  })
  dependsOn: [
    tableDataAccess
    secretAccess
    tables
  ]
}

// The platform's HTTP, console and application logs next to the app's telemetry.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Azure Bot (single tenant) with the Microsoft Teams channel
// ---------------------------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}${messagesPath}'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Outputs (no secret among them)
// ---------------------------------------------------------------------------------------------------------------------

@description('The messaging endpoint registered in the Azure Bot.')
output messagingEndpoint string = bot.properties.endpoint

@description('The web app, for az webapp deploy.')
output webAppName string = webApp.name

@description('The web app\'s host name.')
output webAppHostName string = webApp.properties.defaultHostName

@description('The health endpoint App Service probes on every instance.')
output healthCheckUrl string = 'https://${webApp.properties.defaultHostName}${healthPath}'

@description('The object id of the web app\'s managed identity.')
output webAppPrincipalId string = webApp.identity.principalId

@description('The Azure Bot resource.')
output botName string = bot.name

@description('The Teams channel resource.')
output teamsChannelName string = teamsChannel.name

@description('The table endpoint the app reaches with its managed identity.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('The Key Vault holding the bot\'s client secret.')
output keyVaultName string = vault.name

@description('The Application Insights resource.')
output applicationInsightsName string = insights.name
