package launcher

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestStartRestart runs the real launcher twice on one data directory: the
// second start proves that Close left a consistent store (Neo4j would log a
// recovery otherwise), and in between it checks the errors people meet first.
func TestStartRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a JVM with Neo4j; skipped with -short")
	}
	ctx := context.Background()
	jar := testJar(t)
	dir := t.TempDir()

	for run := 1; run <= 2; run++ {
		begin := time.Now()
		srv, err := Start(ctx, Config{Jar: jar, DataDir: dir, Log: testLog{t}})
		if err != nil {
			t.Fatalf("start %d: %v", run, err)
		}
		t.Logf("start %d: %s ready after %s, idle JVM RSS %s",
			run, srv.URI(), time.Since(begin).Round(time.Millisecond), rss(srv.PID()))
		if want := fmt.Sprintf("bolt://127.0.0.1:%d", srv.Port()); srv.URI() != want {
			t.Errorf("URI() = %q, want %q", srv.URI(), want)
		}
		if v, err := boltHandshake(srv.Port()); err != nil {
			t.Errorf("bolt handshake: %v", err)
		} else {
			t.Logf("bolt handshake agreed on version %d.%d", v[3], v[2])
		}

		// Data written by the first run must be there, once, in the second.
		if run == 1 {
			if _, err := boltQuery(srv.Port(), "CREATE (:KgLauncherTest {at: timestamp()})"); err != nil {
				t.Fatalf("write through Bolt: %v", err)
			}
		}
		if n, err := boltQuery(srv.Port(), "MATCH (n:KgLauncherTest) RETURN count(n)"); err != nil {
			t.Errorf("read through Bolt: %v", err)
		} else if n != 1 {
			t.Errorf("run %d: %d test nodes, want 1", run, n)
		}

		if run == 1 {
			// A second server on the same port, then on the same store, must
			// fail fast with the launcher's one-line reason in the error.
			_, err := Start(ctx, Config{Jar: jar, DataDir: t.TempDir(), Port: srv.Port()})
			if err == nil || !strings.Contains(err.Error(), "already in use") {
				t.Errorf("start on a busy port: err = %v, want one mentioning \"already in use\"", err)
			}
			_, err = Start(ctx, Config{Jar: jar, DataDir: dir})
			if err == nil || !strings.Contains(err.Error(), "in use by another Neo4j process") {
				t.Errorf("start on a locked store: err = %v, want one mentioning the store lock", err)
			}
		}

		begin = time.Now()
		if err := srv.Close(); err != nil {
			t.Fatalf("close %d: %v", run, err)
		}
		t.Logf("close %d: stopped after %s", run, time.Since(begin).Round(time.Millisecond))
		if err := srv.Close(); err != nil {
			t.Errorf("second Close: %v, want nil", err)
		}
		if conn, err := net.DialTimeout("tcp", srv.URI()[len("bolt://"):], time.Second); err == nil {
			conn.Close()
			t.Errorf("port %d still accepts connections after Close", srv.Port())
		}
	}

	debug, err := os.ReadFile(filepath.Join(dir, "logs", "debug.log"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(debug, []byte("Recovery required")) || bytes.Contains(debug, []byte("recovery completed")) {
		t.Errorf("Neo4j ran recovery on restart: the first Close did not leave a clean store")
	}
}

// The protocol tests below stand a shell script in for java, so they run
// in milliseconds and under -short.

// TestTempDataDir checks that an empty DataDir gives a throwaway directory,
// passed to the launcher, that Close removes.
func TestTempDataDir(t *testing.T) {
	java := fakeJava(t, `
while [ "$1" != "--data" ]; do shift; done
[ -d "$2" ] && touch "$2/store" || exit 3
trap 'echo "NEO4J STOPPED"; exit 143' TERM
echo "NEO4J READY bolt://127.0.0.1:4321"
while :; do sleep 0.05; done
`)
	srv, err := Start(context.Background(), Config{Jar: java, Java: java})
	if err != nil {
		t.Fatal(err)
	}
	dir := srv.tempDir
	if _, err := os.Stat(filepath.Join(dir, "store")); err != nil {
		t.Fatalf("launcher did not get the temporary data directory: %v", err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary data directory %s left behind (stat: %v)", dir, err)
	}
}

func TestProtocolReadyAndStop(t *testing.T) {
	java := fakeJava(t, `
echo "some JVM chatter" >&2
trap 'echo "NEO4J STOPPED"; exit 143' TERM
printf 'NEO4J READY bolt://127.0.0.1:4321\n'
while :; do sleep 0.05; done
`)
	var log syncBuffer
	srv, err := Start(context.Background(), Config{Jar: java, Java: java, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if srv.URI() != "bolt://127.0.0.1:4321" || srv.Port() != 4321 {
		t.Errorf("URI, Port = %q, %d", srv.URI(), srv.Port())
	}
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case <-srv.Done():
	default:
		t.Error("Done not closed after Close")
	}
	for _, want := range []string{"some JVM chatter", "NEO4J READY", "NEO4J STOPPED"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q; got:\n%s", want, log.String())
		}
	}
}

func TestProtocolExitBeforeReady(t *testing.T) {
	java := fakeJava(t, `
echo "neo4j-launcher: port 127.0.0.1:7687 is already in use" >&2
exit 4
`)
	_, err := Start(context.Background(), Config{Jar: java, Java: java})
	if err == nil {
		t.Fatal("Start succeeded")
	}
	for _, want := range []string{"exited before it was ready", "exit status 4", "already in use"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestProtocolTimeout(t *testing.T) {
	java := fakeJava(t, `
trap 'echo "NEO4J STOPPED"; exit 143' TERM
echo "still starting"
while :; do sleep 0.05; done
`)
	begin := time.Now()
	_, err := Start(context.Background(), Config{Jar: java, Java: java, StartTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "not ready after") || !strings.Contains(err.Error(), "still starting") {
		t.Fatalf("err = %v, want a timeout carrying the output", err)
	}
	if d := time.Since(begin); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestProtocolCancel(t *testing.T) {
	java := fakeJava(t, `
trap 'echo "NEO4J STOPPED"; exit 143' TERM
while :; do sleep 0.05; done
`)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := Start(ctx, Config{Jar: java, Java: java})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestProtocolUncleanExit(t *testing.T) {
	java := fakeJava(t, `
trap 'exit 1' TERM
echo "NEO4J READY bolt://127.0.0.1:4321"
while :; do sleep 0.05; done
`)
	srv, err := Start(context.Background(), Config{Jar: java, Java: java})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err == nil || !strings.Contains(err.Error(), "without a clean shutdown") {
		t.Fatalf("Close: %v, want an unclean-shutdown error", err)
	}
}

func TestFindJar(t *testing.T) {
	jar := filepath.Join(t.TempDir(), "x.jar")
	if err := os.WriteFile(jar, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(JarEnv, jar)
	if got, err := FindJar(); err != nil || got != jar {
		t.Errorf("FindJar() = %q, %v; want %q", got, err, jar)
	}
	t.Setenv(JarEnv, jar+".missing")
	if _, err := FindJar(); !errors.Is(err, ErrNoJar) {
		t.Errorf("FindJar() with a missing %s: err = %v, want ErrNoJar", JarEnv, err)
	}
}

// testJar finds the launcher jar, building it with Maven if this is a fresh
// checkout (a plain `go test` without `make launcher` first).
func testJar(t *testing.T) string {
	t.Helper()
	if jar, err := FindJar(); err == nil {
		return jar
	} else if !errors.Is(err, ErrNoJar) || os.Getenv(JarEnv) != "" {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := FindRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	begin := time.Now()
	jar, err := EnsureJar(ctx, root, testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %s", jar, time.Since(begin).Round(time.Second))
	return jar
}

// boltHandshake sends Bolt's magic preamble and four version proposals and
// returns the server's choice: [reserved, range, minor, major], not all zero.
func boltHandshake(port int) ([4]byte, error) {
	var v [4]byte
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 5*time.Second)
	if err != nil {
		return v, err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return v, err
	}
	hello := []byte{
		0x60, 0x60, 0xB0, 0x17,
		0x00, 0x08, 0x08, 0x05, // 5.8 down to 5.0
		0x00, 0x00, 0x04, 0x04, // 4.4
		0x00, 0x00, 0x00, 0x04, // 4.0
		0x00, 0x00, 0x00, 0x03, // 3.0
	}
	if _, err := conn.Write(hello); err != nil {
		return v, err
	}
	if _, err := conn.Read(v[:]); err != nil {
		return v, err
	}
	if v == [4]byte{} {
		return v, errors.New("server agreed on no version")
	}
	return v, nil
}

// boltQuery runs one auto-commit query over Bolt 4.4, a version Neo4j 5
// still speaks and whose HELLO carries the (empty) auth, and returns the
// first integer of the first record, or -1 if there is none. It is just
// enough of Bolt and PackStream for this test, so the test needs no driver.
func boltQuery(port int, query string) (int64, error) {
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 5*time.Second)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		return 0, err
	}
	hello := []byte{0x60, 0x60, 0xB0, 0x17, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := conn.Write(hello); err != nil {
		return 0, err
	}
	var v [4]byte
	if _, err := io.ReadFull(conn, v[:]); err != nil {
		return 0, err
	}
	if v != [4]byte{0, 0, 4, 4} {
		return 0, fmt.Errorf("server chose Bolt %d.%d, want 4.4", v[3], v[2])
	}

	// HELLO {user_agent, scheme: none}, RUN query {} {}, PULL {n: -1}, pipelined.
	var out bytes.Buffer
	for _, msg := range [][]byte{
		packStruct(0x01, packMap("user_agent", "kg-launcher-test/1", "scheme", "none")),
		packStruct(0x10, packString(query), packMap(), packMap()),
		packStruct(0x3F, append(append([]byte{0xA1}, packString("n")...), 0xFF)), // -1 is tiny int 0xFF
	} {
		binary.Write(&out, binary.BigEndian, uint16(len(msg)))
		out.Write(msg)
		out.Write([]byte{0, 0})
	}
	if _, err := conn.Write(out.Bytes()); err != nil {
		return 0, err
	}

	result := int64(-1)
	successes := 0
	for successes < 3 {
		msg, err := readMessage(conn)
		if err != nil {
			return 0, err
		}
		if len(msg) < 2 {
			return 0, fmt.Errorf("short Bolt message %x", msg)
		}
		switch msg[1] {
		case 0x70: // SUCCESS
			successes++
		case 0x71: // RECORD [fields]
			if result == -1 && len(msg) > 3 && msg[2] >= 0x91 && msg[2] <= 0x9F {
				if result, err = unpackInt(msg[3:]); err != nil {
					return 0, err
				}
			}
		case 0x7F: // FAILURE {code, message}
			return 0, fmt.Errorf("Bolt FAILURE: %q", msg[2:])
		default:
			return 0, fmt.Errorf("unexpected Bolt message %x", msg)
		}
	}
	return result, nil
}

// readMessage reads one chunked Bolt message, skipping NOOP chunks.
func readMessage(r io.Reader) ([]byte, error) {
	var msg []byte
	for {
		var size uint16
		if err := binary.Read(r, binary.BigEndian, &size); err != nil {
			return nil, err
		}
		if size == 0 {
			if len(msg) == 0 {
				continue
			}
			return msg, nil
		}
		chunk := make([]byte, size)
		if _, err := io.ReadFull(r, chunk); err != nil {
			return nil, err
		}
		msg = append(msg, chunk...)
	}
}

func packStruct(sig byte, fields ...[]byte) []byte {
	b := []byte{0xB0 | byte(len(fields)), sig}
	for _, f := range fields {
		b = append(b, f...)
	}
	return b
}

// packMap packs string keys and string values, given as alternating pairs.
func packMap(kv ...string) []byte {
	b := []byte{0xA0 | byte(len(kv)/2)}
	for _, s := range kv {
		b = append(b, packString(s)...)
	}
	return b
}

func packString(s string) []byte {
	switch n := len(s); {
	case n < 16:
		return append([]byte{0x80 | byte(n)}, s...)
	case n < 256:
		return append([]byte{0xD0, byte(n)}, s...)
	default:
		return append([]byte{0xD1, byte(n >> 8), byte(n)}, s...)
	}
}

func unpackInt(b []byte) (int64, error) {
	m := b[0]
	switch {
	case m <= 0x7F:
		return int64(m), nil
	case m >= 0xF0:
		return int64(int8(m)), nil
	}
	sizes := map[byte]int{0xC8: 1, 0xC9: 2, 0xCA: 4, 0xCB: 8}
	n, ok := sizes[m]
	if !ok || len(b) < 1+n {
		return 0, fmt.Errorf("not a PackStream integer: %x", b)
	}
	var v int64
	for _, c := range b[1 : 1+n] {
		v = v<<8 | int64(c)
	}
	shift := 64 - 8*n
	return v << shift >> shift, nil
}

// rss reads the resident set size of a process, for the log only.
func rss(pid int) string {
	if runtime.GOOS != "linux" {
		return "n/a"
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err.Error()
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// fakeJava writes a shell script that ignores its arguments and plays the
// launcher's side of the protocol.
func fakeJava(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs /bin/sh")
	}
	p := filepath.Join(t.TempDir(), "java")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// testLog sends the launcher's output to the test log, shown with -v or on failure.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
