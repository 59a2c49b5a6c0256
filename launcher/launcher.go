// Package launcher starts and stops a real Neo4j Community server on loopback.
//
// The server is the small Java program beside this file (pom.xml, src/): Neo4j
// 5.26 embedded, with only a Bolt connector on 127.0.0.1 and authentication
// off. `kg serve` and the integration tests use it when no NEO4J_URI is given,
// so that neither needs Docker nor a Neo4j installation, only Java 17+ and,
// to build the jar once, Maven.
//
// The Java side and this package talk through a tiny line protocol: the
// launcher prints "NEO4J READY bolt://127.0.0.1:PORT" on stdout once the
// default database answers queries and Bolt answers a handshake, and
// "NEO4J STOPPED" once a SIGTERM has shut the DBMS down cleanly. Failures are
// one line on stderr starting with "neo4j-launcher: " and a non-zero exit.
package launcher

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	// JarEnv names the environment variable that overrides where FindJar
	// looks, for installs where the jar does not live in a source tree.
	JarEnv = "KG_LAUNCHER_JAR"

	// DefaultStartTimeout bounds Start. A first start creates the store
	// (about 10 s on two cores); 120 s leaves room for a slow CI machine.
	DefaultStartTimeout = 120 * time.Second

	// StopTimeout is how long Close waits after SIGTERM for the checkpoint
	// and clean shutdown before it kills the JVM. A killed Neo4j recovers
	// from its transaction log at the next start, but slowly, so be patient.
	StopTimeout = 60 * time.Second

	readyPrefix = "NEO4J READY "
	stoppedLine = "NEO4J STOPPED"

	// tailLines is how much recent output a start or stop error carries.
	tailLines = 40
)

// jarPath is where the Maven build leaves the jar, relative to the repository root.
var jarPath = filepath.Join("launcher", "target", "neo4j-launcher.jar")

// DefaultJavaOpts keeps the heap modest: the page cache (256m by default)
// lives outside it, so an idle server stays well under 1 GiB of RSS.
var DefaultJavaOpts = []string{"-Xms256m", "-Xmx1g"}

// ErrNoJar is wrapped by FindJar's error when no jar exists yet; callers that
// can build it (tests) check for it with errors.Is and call EnsureJar or Build.
var ErrNoJar = errors.New("neo4j launcher jar not found")

// Config says how to start the server. Every field has a usable zero value.
type Config struct {
	// Jar is the launcher jar; empty means FindJar.
	Jar string
	// DataDir is the Neo4j home: the store goes to DataDir/data and the
	// logs to DataDir/logs. Empty means a fresh temporary directory that
	// Close removes, which suits tests that need a throwaway database.
	DataDir string
	// Port is the Bolt port on 127.0.0.1; 0 lets the launcher pick a free
	// one, which Server.URI then reports.
	Port int
	// Java is the java binary; empty means $JAVA_HOME/bin/java, else java on PATH.
	Java string
	// JavaOpts go before -jar; nil means DefaultJavaOpts.
	JavaOpts []string
	// Log receives the launcher's stdout and stderr line by line, while it
	// starts and for as long as it runs; nil discards them. The last lines
	// are kept for error messages either way.
	Log io.Writer
	// StartTimeout bounds the wait for readiness; zero means DefaultStartTimeout.
	StartTimeout time.Duration
	// PageCache is Neo4j's page cache size such as "512m"; empty means the
	// launcher's default of 256m.
	PageCache string
	// TxMemory caps the memory of all running transactions, such as "512m";
	// empty leaves Neo4j's default.
	TxMemory string
}

// Server is a running launcher process. Close it; a Server that is never
// closed is stopped when the Go process exits (see Start).
type Server struct {
	cmd     *exec.Cmd
	uri     string
	port    int
	stdin   *os.File // write end of the launcher's stdin; its EOF stops the launcher
	out     *sink
	tempDir string // removed by Close when DataDir was empty

	done    chan struct{} // closed once the process has exited and its output is drained
	waitErr error         // cmd.Wait's result, valid after done

	closeOnce sync.Once
	closeErr  error
}

// Start launches the JVM and waits until Neo4j is ready for Bolt clients.
//
// ctx bounds only the start: cancelling it before readiness stops the
// launcher and returns ctx's error; once Start has returned, only Close stops
// the server. The JVM runs in its own process group so that a Ctrl-C aimed
// at the parent does not kill it before the parent closes it cleanly. So
// that it never outlives the parent, the launcher also stops cleanly when its
// stdin (a pipe held open by this process) closes, and on Linux it gets
// SIGTERM when the parent dies.
//
// Start fails if the jar or java cannot be found, or if the launcher exits
// or is not ready within cfg.StartTimeout; the error then carries the last
// lines of its output (a port in use or a locked data directory shows there).
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if err := cfg.fill(); err != nil {
		return nil, err
	}
	s := &Server{out: newSink(cfg.Log), done: make(chan struct{})}
	dataDir := cfg.DataDir
	if dataDir == "" {
		dir, err := os.MkdirTemp("", "kg-neo4j-")
		if err != nil {
			return nil, fmt.Errorf("launcher: temporary data directory: %w", err)
		}
		dataDir, s.tempDir = dir, dir
	}
	dataDir, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("launcher: data directory: %w", err)
	}

	args := append([]string(nil), cfg.JavaOpts...)
	args = append(args, "-jar", cfg.Jar,
		"--data", dataDir,
		"--port", strconv.Itoa(cfg.Port),
		"--exit-on-stdin-eof")
	if cfg.PageCache != "" {
		args = append(args, "--page-cache", cfg.PageCache)
	}
	if cfg.TxMemory != "" {
		args = append(args, "--tx-memory", cfg.TxMemory)
	}

	stdinR, stdinW, err := os.Pipe()
	if err != nil {
		s.removeTemp()
		return nil, fmt.Errorf("launcher: stdin pipe: %w", err)
	}
	cmd := exec.Command(cfg.Java, args...)
	cmd.Dir = dataDir // a JVM crash file (hs_err_pid*.log) lands beside the store
	cmd.Stdin = stdinR
	cmd.Stdout = &lineWriter{sink: s.out, stdout: true}
	cmd.Stderr = &lineWriter{sink: s.out}
	cmd.SysProcAttr = sysProcAttr()
	// Output copying ends when the JVM exits, unless something it spawned
	// kept the pipes open; do not let that hang Close.
	cmd.WaitDelay = 5 * time.Second
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		stdinR.Close()
		stdinW.Close()
		s.removeTemp()
		return nil, fmt.Errorf("launcher: data directory: %w", err)
	}
	if err := cmd.Start(); err != nil {
		stdinR.Close()
		stdinW.Close()
		s.removeTemp()
		return nil, fmt.Errorf("launcher: start %s: %w", cfg.Java, err)
	}
	stdinR.Close()
	s.cmd, s.stdin = cmd, stdinW
	go func() {
		s.waitErr = cmd.Wait()
		s.out.flush()
		close(s.done)
	}()

	timer := time.NewTimer(cfg.StartTimeout)
	defer timer.Stop()
	var startErr error
	select {
	case uri := <-s.out.ready:
		port, err := portOf(uri)
		if err != nil {
			startErr = fmt.Errorf("launcher: %w", err)
			break
		}
		s.uri, s.port = uri, port
		return s, nil
	case <-s.done:
		startErr = fmt.Errorf("launcher: neo4j exited before it was ready (%v); last output:\n%s",
			s.waitErr, s.out.tail())
	case <-timer.C:
		startErr = fmt.Errorf("launcher: neo4j not ready after %s; last output:\n%s",
			cfg.StartTimeout, s.out.tail())
	case <-ctx.Done():
		startErr = fmt.Errorf("launcher: start cancelled: %w", ctx.Err())
	}
	// Stop a half-started server the same careful way, so its store stays clean.
	_ = s.Close()
	return nil, startErr
}

// URI is the Bolt address, bolt://127.0.0.1:PORT. Authentication is off, so
// drivers connect with no credentials (neo4j.NoAuth()).
func (s *Server) URI() string { return s.uri }

// Port is the Bolt port on 127.0.0.1 that the server listens on.
func (s *Server) Port() int { return s.port }

// PID is the JVM's process id, for diagnostics such as memory readings.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Done is closed when the launcher process has exited, whether by Close or
// on its own (a crash); `kg serve` selects on it to notice a dead database.
func (s *Server) Done() <-chan struct{} { return s.done }

// Close stops the server: SIGTERM, which makes the launcher checkpoint and
// shut Neo4j down, then up to StopTimeout of waiting, then SIGKILL. It
// returns nil only when the launcher reported a clean shutdown; it is safe to
// call more than once and from several goroutines, and always returns the
// first call's result. It removes the data directory if Start made it.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = s.stop(StopTimeout)
		if s.stdin != nil {
			s.stdin.Close()
		}
		if err := s.removeTemp(); err != nil && s.closeErr == nil {
			s.closeErr = err
		}
	})
	return s.closeErr
}

func (s *Server) stop(grace time.Duration) error {
	select {
	case <-s.done:
		if s.out.isStopped() {
			return nil
		}
		return fmt.Errorf("launcher: neo4j had already exited (%v); last output:\n%s", s.waitErr, s.out.tail())
	default:
	}
	if err := terminate(s.cmd.Process); err != nil && !errors.Is(err, os.ErrProcessDone) {
		_ = kill(s.cmd.Process) // cannot be signalled politely (no SIGTERM on this OS)
	}
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case <-s.done:
	case <-timer.C:
		_ = kill(s.cmd.Process)
		<-s.done
		return fmt.Errorf("launcher: neo4j did not stop within %s and was killed; last output:\n%s",
			grace, s.out.tail())
	}
	if !s.out.isStopped() {
		return fmt.Errorf("launcher: neo4j exited without a clean shutdown (%v); last output:\n%s",
			s.waitErr, s.out.tail())
	}
	return nil
}

func (s *Server) removeTemp() error {
	if s.tempDir == "" {
		return nil
	}
	dir := s.tempDir
	s.tempDir = ""
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("launcher: remove temporary data directory: %w", err)
	}
	return nil
}

// fill applies the defaults, failing when the jar or java cannot be found.
func (c *Config) fill() error {
	if c.Jar == "" {
		jar, err := FindJar()
		if err != nil {
			return err
		}
		c.Jar = jar
	}
	if _, err := os.Stat(c.Jar); err != nil {
		return fmt.Errorf("launcher: jar: %w", err)
	}
	if c.Java == "" {
		java, err := findJava()
		if err != nil {
			return err
		}
		c.Java = java
	}
	if c.JavaOpts == nil {
		c.JavaOpts = DefaultJavaOpts
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = DefaultStartTimeout
	}
	if c.Port < 0 || c.Port > 65535 {
		return fmt.Errorf("launcher: port %d out of range", c.Port)
	}
	return nil
}

// findJava prefers $JAVA_HOME, which is how a machine with several JDKs says
// which one to use, over whatever java comes first on PATH.
func findJava() (string, error) {
	if home := os.Getenv("JAVA_HOME"); home != "" {
		java := filepath.Join(home, "bin", "java")
		if isFile(java) {
			return java, nil
		}
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return "", fmt.Errorf("launcher: java not found (set JAVA_HOME or put Java 17+ on PATH): %w", err)
	}
	return java, nil
}

// FindJar returns the launcher jar: $KG_LAUNCHER_JAR if set, else
// launcher/target/neo4j-launcher.jar under the current directory or one of
// its parents, else the same under the running executable's directory or
// one of its parents (so bin/kg finds the tree's jar when run from anywhere).
// Its error wraps ErrNoJar and says how to build the jar.
func FindJar() (string, error) {
	if p := os.Getenv(JarEnv); p != "" {
		if !isFile(p) {
			return "", fmt.Errorf("launcher: %s=%s: %w", JarEnv, p, ErrNoJar)
		}
		return filepath.Abs(p)
	}
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		starts = append(starts, filepath.Dir(exe))
	}
	for _, start := range starts {
		for dir := start; ; {
			if p := filepath.Join(dir, jarPath); isFile(p) {
				return p, nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return "", fmt.Errorf("launcher: %w: no %s above %s; run `make launcher` (or set %s)",
		ErrNoJar, jarPath, strings.Join(starts, " or "), JarEnv)
}

// FindRoot walks up from dir to the repository root, the first directory
// with both go.mod and launcher/pom.xml; tests use it to build the jar.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if isFile(filepath.Join(d, "go.mod")) && isFile(filepath.Join(d, "launcher", "pom.xml")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("launcher: no go.mod with launcher/pom.xml beside it above %s", dir)
		}
		d = parent
	}
}

// EnsureJar returns the jar that FindJar would, building it under root
// first if it is missing. Concurrent callers (test packages run in parallel)
// build it once: the others wait for the first build and reuse its jar.
func EnsureJar(ctx context.Context, root string, log io.Writer) (string, error) {
	if os.Getenv(JarEnv) != "" {
		return FindJar()
	}
	jar := filepath.Join(root, jarPath)
	if isFile(jar) {
		return jar, nil
	}
	unlock, err := lockBuild(root)
	if err != nil {
		return "", err
	}
	defer unlock()
	if isFile(jar) {
		return jar, nil
	}
	if err := build(ctx, root, log); err != nil {
		return "", err
	}
	return jar, nil
}

// Build runs the Maven build of root/launcher/pom.xml, which leaves the jar
// and its lib/ folder in root/launcher/target. The first build downloads
// Neo4j and its dependencies (about 120 MB) into ~/.m2; later ones take
// seconds. Maven's output goes to log (nil: kept for the error only). It
// fails if mvn is missing or the build fails.
func Build(ctx context.Context, root string, log io.Writer) error {
	unlock, err := lockBuild(root)
	if err != nil {
		return err
	}
	defer unlock()
	return build(ctx, root, log)
}

func build(ctx context.Context, root string, log io.Writer) error {
	pom := filepath.Join(root, "launcher", "pom.xml")
	if !isFile(pom) {
		return fmt.Errorf("launcher: build: %s not found", pom)
	}
	mvn, err := exec.LookPath("mvn")
	if err != nil {
		return fmt.Errorf("launcher: build: Maven not found (install Maven 3.8+ and Java 17+): %w", err)
	}
	var out bytes.Buffer
	w := io.Writer(&out)
	if log != nil {
		w = io.MultiWriter(&out, log)
	}
	cmd := exec.CommandContext(ctx, mvn, "-q", "-B", "-f", pom, "-DskipTests", "package")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("launcher: build: %s package: %w\n%s", pom, err, lastLines(out.String(), tailLines))
	}
	if jar := filepath.Join(root, jarPath); !isFile(jar) {
		return fmt.Errorf("launcher: build: Maven succeeded but %s is missing", jar)
	}
	return nil
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func portOf(uri string) (int, error) {
	i := strings.LastIndexByte(uri, ':')
	port, err := strconv.Atoi(uri[i+1:])
	if i < 0 || err != nil || port <= 0 || port > 65535 {
		return 0, fmt.Errorf("bad READY address %q", uri)
	}
	return port, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// sink receives the launcher's output lines: it forwards them to the
// configured log, keeps the last few for error messages and watches for
// the protocol lines.
type sink struct {
	mu      sync.Mutex
	log     io.Writer
	lines   []string
	stopped bool
	ready   chan string // gets the URI of the first READY line
	seen    bool
	partial [2][]byte // unterminated output of stderr [0] and stdout [1]
}

func newSink(log io.Writer) *sink {
	if log == nil {
		log = io.Discard
	}
	return &sink{log: log, ready: make(chan string, 1)}
}

func (k *sink) write(stdout bool, p []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	i := 0
	if stdout {
		i = 1
	}
	buf := append(k.partial[i], p...)
	for {
		nl := bytes.IndexByte(buf, '\n')
		if nl < 0 {
			break
		}
		k.line(stdout, string(bytes.TrimRight(buf[:nl], "\r")))
		buf = buf[nl+1:]
	}
	if len(buf) > 64<<10 { // a runaway line: pass it on rather than grow forever
		k.line(stdout, string(buf))
		buf = nil
	}
	k.partial[i] = append(k.partial[i][:0], buf...)
}

// line handles one complete line; k.mu is held.
func (k *sink) line(stdout bool, l string) {
	if stdout {
		if uri, ok := strings.CutPrefix(l, readyPrefix); ok && !k.seen {
			k.seen = true
			k.ready <- strings.TrimSpace(uri)
		} else if l == stoppedLine {
			k.stopped = true
		}
	}
	k.lines = append(k.lines, l)
	if len(k.lines) > tailLines {
		k.lines = k.lines[len(k.lines)-tailLines:]
	}
	fmt.Fprintln(k.log, l)
}

// flush passes on output that did not end in a newline; the process has exited.
func (k *sink) flush() {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i, buf := range k.partial {
		if len(buf) > 0 {
			k.line(i == 1, string(buf))
			k.partial[i] = nil
		}
	}
}

func (k *sink) tail() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.lines) == 0 {
		return "(no output)"
	}
	return strings.Join(k.lines, "\n")
}

func (k *sink) isStopped() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.stopped
}

// lineWriter is the io.Writer given to exec for one of the two streams.
type lineWriter struct {
	sink   *sink
	stdout bool
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.sink.write(w.stdout, p)
	return len(p), nil
}
