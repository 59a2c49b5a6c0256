//go:build !unix

package launcher

// lockBuild does not lock where flock is missing: parallel first builds
// are then the caller's to avoid (run `make launcher` first).
func lockBuild(root string) (unlock func(), err error) { return func() {}, nil }
