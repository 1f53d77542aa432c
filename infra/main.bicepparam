// Parameters of infra/main.bicep. Replace the placeholders, then (README, "Deploy to Azure"):
//   export BOT_APP_PASSWORD='<client secret>'   # read here at deployment time, never written to a file
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param baseName = 'billingbot'

// Entra ID → App registrations → your bot's single-tenant registration → Overview.
param botAppId = '00000000-0000-0000-0000-000000000000'
param botTenantId = '00000000-0000-0000-0000-000000000000'

// A client secret of that registration, from the environment: it goes into Key Vault and nowhere else.
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD')

param partnerName = 'Contoso Cloud'

param planSku = 'P0v3'
param instanceCount = 2

// Everything else the app reads (see the Configuration table in the README), as App Service settings.
param extraAppSettings = {
  Agents__TenantId: '00000000-0000-0000-0000-000000000000'
  Agents__Language: 'pl'
  Reminders__DefaultServiceUrl: 'https://smba.trafficmanager.net/emea/'
  Staff__Members__0__ObjectId: '00000000-0000-0000-0000-000000000000'
  Staff__Members__0__Name: 'First user-management admin'
  Staff__Members__0__Roles__0: 'UserManagementAdmin'
}
