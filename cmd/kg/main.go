// Command kg builds and serves the yearbook knowledge graph.
//
//	kg serve            serve the GraphQL API (starts the bundled Neo4j when NEO4J_URI is unset)
//	kg load FILE...     extract yearbooks and load them into Neo4j
//	kg extract FILE     extract a yearbook and print its graph as JSON Lines
//	kg eval [DIR]       score the extraction against the hand-annotated gold set
//
// Configuration comes from flags and the environment: PORT, NEO4J_URI,
// NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_BOLT_PORT, KG_DATA_DIR,
// KG_YEARBOOK.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain(os.Stdout, os.Stderr)
	err := m.Run(ctx, os.Args[1:])
	if cerr := m.Close(); cerr != nil {
		err = errors.Join(err, cerr)
	}
	if err != nil && !errors.Is(err, errUsage) {
		fmt.Fprintln(os.Stderr, "kg:", err)
	}
	if err != nil {
		os.Exit(1)
	}
}
