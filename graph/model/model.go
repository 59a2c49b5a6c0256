// Package model holds the Go types bound to the GraphQL schema. They carry
// an entity's own scalar fields; every field that needs another query
// (positions, events, parent …) is a resolver, so that a client pays only
// for what it asks.
package model

// Entity is the GraphQL Entity interface.
type Entity interface {
	IsEntity()
	EntityID() string
}

// Base is the part every entity has.
type Base struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases"`
	MentionCount int      `json:"mentionCount"`
}

// EntityID implements Entity.
func (b *Base) EntityID() string { return b.ID }

// Person is a person.
type Person struct {
	Base
	Gender    *string `json:"gender,omitempty"`
	Ethnicity *string `json:"ethnicity,omitempty"`
	Born      *string `json:"born,omitempty"`
}

// Organization is an organization.
type Organization struct{ Base }

// Place is a place.
type Place struct {
	Base
	PlaceType PlaceType `json:"placeType"`
}

// Event is a dated event.
type Event struct {
	Base
	Date        string  `json:"date"`
	EndDate     *string `json:"endDate,omitempty"`
	Description string  `json:"description"`
	Category    *string `json:"category,omitempty"`
}

// Project is a project.
type Project struct {
	Base
	Investment *string `json:"investment,omitempty"`
	Status     *string `json:"status,omitempty"`
}

func (*Person) IsEntity()       {}
func (*Organization) IsEntity() {}
func (*Place) IsEntity()        {}
func (*Event) IsEntity()        {}
func (*Project) IsEntity()      {}

// Kind returns the kind of the entity.
func (*Person) Kind() EntityKind       { return EntityKindPerson }
func (*Organization) Kind() EntityKind { return EntityKindOrganization }
func (*Place) Kind() EntityKind        { return EntityKindPlace }
func (*Event) Kind() EntityKind        { return EntityKindEvent }
func (*Project) Kind() EntityKind      { return EntityKindProject }

// Position is a post held by a person in an organization.
type Position struct {
	PersonID       string   `json:"-"`
	OrganizationID string   `json:"-"`
	Title          string   `json:"title"`
	Start          *string  `json:"start,omitempty"`
	End            *string  `json:"end,omitempty"`
	Concurrent     bool     `json:"concurrent"`
	Note           *string  `json:"note,omitempty"`
	Source         *Mention `json:"source,omitempty"`
	// LoadedPerson and LoadedOrganization are the post's ends when the
	// read that returned the post held them (its other end, see
	// neo4jstore.Position.Other), else nil. The resolvers of person and
	// organization answer with them, and the executor's fast path writes
	// them as it writes an object held in a struct field: their loaded
	// tags name the fields they answer (see graph/gqlgen).
	LoadedPerson       *Person       `json:"-" loaded:"person"`
	LoadedOrganization *Organization `json:"-" loaded:"organization"`
}

// Honor is an honor received.
type Honor struct {
	Title       string   `json:"title"`
	Year        *string  `json:"year,omitempty"`
	AwardedByID string   `json:"-"`
	Source      *Mention `json:"source,omitempty"`
}

// Relationship is a relationship between two entities. From and To are
// fields, not resolvers: paths and subgraphs hold both ends of each of
// their relationships, so a client drawing a few hundred edges costs no
// resolver call (a goroutine and a loader lookup each) per end.
type Relationship struct {
	Type   string   `json:"type"`
	FromID string   `json:"-"`
	ToID   string   `json:"-"`
	From   Entity   `json:"from"`
	To     Entity   `json:"to"`
	Title  *string  `json:"title,omitempty"`
	Start  *string  `json:"start,omitempty"`
	End    *string  `json:"end,omitempty"`
	Source *Mention `json:"source,omitempty"`
}
