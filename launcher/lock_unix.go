//go:build unix

package launcher

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockBuild serialises Maven builds of one tree across processes: `go test
// ./...` runs test packages in parallel, and two builds writing the same
// target/ would corrupt the jar. The lock lives and dies with the process.
func lockBuild(root string) (unlock func(), err error) {
	dir := filepath.Join(root, "launcher", "target")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("launcher: build lock: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, ".build.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("launcher: build lock: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("launcher: build lock: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
