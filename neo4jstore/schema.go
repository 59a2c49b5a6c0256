package neo4jstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
)

// schema lists the constraints and indexes, created before the first write
// so that every lookup of the loader and the API starts from an index.
func schema() []string {
	stmts := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT honor_id IF NOT EXISTS FOR (n:Honor) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT yearbook_id IF NOT EXISTS FOR (y:Yearbook) REQUIRE y.id IS UNIQUE",
		"CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE",
		"CREATE INDEX mention_yearbook IF NOT EXISTS FOR (m:Mention) ON (m.yearbook)",
		// A yearbook's pages by number (Yearbook.page), and by first line,
		// which finds the pages around a line (Store.Lines) with a range seek.
		"CREATE CONSTRAINT page_number IF NOT EXISTS FOR (p:Page) REQUIRE (p.yearbook, p.number) IS UNIQUE",
		"CREATE INDEX page_first IF NOT EXISTS FOR (p:Page) ON (p.yearbook, p.first)",
		"CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name)",
		"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
		"CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:Person|Organization|Place|Event|Project) ON EACH [n.name, n.aliasText, n.description] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
	}
	for _, k := range kg.Kinds {
		l := k.Label()
		stmts = append(stmts,
			fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", lower(l), l),
			fmt.Sprintf("CREATE INDEX %s_name IF NOT EXISTS FOR (n:%s) ON (n.name)", lower(l), l),
			fmt.Sprintf("CREATE INDEX %s_mentions IF NOT EXISTS FOR (n:%s) ON (n.mentionCount)", lower(l), l),
			fmt.Sprintf("CREATE TEXT INDEX %s_name_text IF NOT EXISTS FOR (n:%s) ON (n.name)", lower(l), l),
		)
	}
	for _, t := range append(kg.RelationshipTypes[:len(kg.RelationshipTypes):len(kg.RelationshipTypes)], "NAMES") {
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX rel_%s_yearbook IF NOT EXISTS FOR ()-[r:%s]-() ON (r.yearbook)", lower(t), t))
	}
	return stmts
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// EnsureSchema creates the constraints and indexes that do not exist yet
// and waits until they are online. It is idempotent.
func (s *Store) EnsureSchema(ctx context.Context) (err error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.db})
	defer func() { err = errors.Join(err, session.Close(context.WithoutCancel(ctx))) }()
	for _, stmt := range schema() {
		// Schema changes cannot share a transaction with each other's
		// data, so each runs as its own auto-commit query.
		res, err := session.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return translate(ctx, fmt.Errorf("schema %q: %w", stmt, err))
		}
	}
	res, err := session.Run(ctx, "CALL db.awaitIndexes(300)", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return translate(ctx, err)
}
