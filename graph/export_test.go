package graph

// SetGqlgenPOST makes NewHandler use gqlgen's own POST transport (true)
// or post (false).
func SetGqlgenPOST(on bool) { gqlgenPOST = on }

var WriteResponse = writeResponse

// SetLoadedEnds turns toPosition's loaded ends on or off (see loadedEnds)
// and returns the previous setting.
func SetLoadedEnds(on bool) bool {
	prev := loadedEnds
	loadedEnds = on
	return prev
}
