//go:build !unix

package launcher

import (
	"errors"
	"os"
	"syscall"
)

// sysProcAttr sets nothing: process groups and parent-death signals are
// Unix notions; the launcher's --exit-on-stdin-eof watch stops it if the
// parent dies.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// terminate cannot deliver SIGTERM here; the caller falls back to kill, and
// the next start recovers the store from its transaction log.
func terminate(p *os.Process) error { return errors.ErrUnsupported }

func kill(p *os.Process) error { return p.Kill() }
