package graph

// SetGqlgenPOST makes NewHandler use gqlgen's own POST transport (true)
// or post (false).
func SetGqlgenPOST(on bool) { gqlgenPOST = on }

var WriteResponse = writeResponse
