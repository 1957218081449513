// Alerts to the operators' e-mail: a tip poisoned, no digest by Monday 10:00 Swedish time, 5xx answers.
// The first two are log queries on Application Insights. The third is the platform's Http5xx metric: host.json
// writes no request telemetry (Host.Results: None), because request rows carry the path, and paths carry
// reference codes (/kvitto/{code}, /status/{code}); a metric is a count per minute and holds no path.

import { Tags } from 'types.bicep'

param actionGroupName string
param alertPrefix string
param location string
param tags Tags
param applicationInsightsId string

@description('The function app whose 5xx answers are counted (its Http5xx platform metric).')
param functionAppId string

@minLength(1)
@description('Who is told.')
param operatorEmails string[]

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'intake-ops'
    enabled: true
    emailReceivers: [
      for (address, i) in operatorEmails: {
        name: 'operator-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

var alerts = [
  {
    name: 'tip-poisoned'
    severity: 1
    description: 'A tip could not be processed and was moved to the tips-poison queue: Core logs "Queue message … moved to tips-poison", the host logs "Moving message to queue \'tips-poison\'". Replay it with the CLI once the cause is fixed.'
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'traces | where message has "tips-poison"'
  }
  {
    // Runs hourly; only the run in the 10:00 hour, Swedish time, on a Monday can fire: it looks for a "sent" log line
    // since Monday 00:00 Swedish time.
    name: 'digest-missing'
    severity: 2
    description: 'No weekly digest had been sent by Monday 10:00 Swedish time (DigestService logs "Digest {Week} for {RecipientList} sent with {TipCount} tips").'
    frequency: 'PT1H'
    window: 'PT12H'
    query: join([
      'let local = datetime_utc_to_local(now(), "Europe/Stockholm");'
      'let mondayStart = datetime_local_to_utc(startofday(local), "Europe/Stockholm");'
      'let sentCount = toscalar(traces | where timestamp >= mondayStart | where message startswith "Digest " and (message has " sent with " or message has "was sent, but") | count);'
      'print due = dayofweek(local) == 1d and hourofday(local) == 10, sent = sentCount | where due and sent == 0'
    ], '\n')
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: '${alertPrefix}${alert.name}'
    location: location
    tags: tags
    properties: {
      displayName: '${alertPrefix}${alert.name}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [applicationInsightsId]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: false
      actions: { actionGroups: [operators.id] }
    }
  }
]

resource serverErrors 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${alertPrefix}server-errors'
  location: 'global'
  tags: tags
  properties: {
    description: 'The app answered with 5xx: bad input never does, so something is broken. Counted by the platform (Http5xx), not from request telemetry, which the app does not write.'
    severity: 2
    enabled: true
    scopes: [functionAppId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'Http5xx'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    autoMitigate: false
    actions: [{ actionGroupId: operators.id }]
  }
}
