// Shapes shared by the modules.

@export()
@description('Resource tags.')
type Tags = { *: string }

@export()
@description('App settings: name to value.')
type Settings = { *: string }
