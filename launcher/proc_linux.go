package launcher

import (
	"os"
	"syscall"
)

// sysProcAttr puts the JVM in its own process group, so that a Ctrl-C in the
// terminal reaches only the Go parent, which then closes the server cleanly.
// Pdeathsig makes the kernel send SIGTERM (a clean shutdown) if the parent
// dies first. The kernel ties that signal to the parent's OS thread, not the
// process, and the Go runtime may retire the thread that forked; the
// launcher's --exit-on-stdin-eof watch covers that case.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
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
