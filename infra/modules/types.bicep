// Shapes shared by the modules.

@export()
@description('Resource tags.')
type Tags = { *: string }

@export()
@description('App settings: name to value.')
type Settings = { *: string }

@export()
@secure()
@description('App settings that hold a secret (Privacy__Key): kept out of deployment history.')
type SecureSettings = { *: string }
