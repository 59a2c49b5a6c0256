//go:build unix && !linux

package launcher

import (
	"os"
	"syscall"
)

// sysProcAttr puts the JVM in its own process group, so that a Ctrl-C in the
// terminal reaches only the Go parent, which then closes the server cleanly.
// Without Linux's Pdeathsig, the launcher's --exit-on-stdin-eof watch is what
// stops it if the parent dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// terminate asks the JVM to run its shutdown hook.
func terminate(p *os.Process) error { return p.Signal(syscall.SIGTERM) }

// kill ends the JVM's whole process group at once.
func kill(p *os.Process) error {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil {
		return p.Kill()
	}
	return nil
}
