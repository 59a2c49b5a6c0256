// Package kg holds the domain of the yearbook knowledge graph: the kinds of
// entities and relationships, their provenance, and the one coded error.
//
// It imports nothing of this module, so that the extraction (loaders), the
// Neo4j adapter (neo4jstore) and the API (graph) all point inward to it.
package kg

import (
	"crypto/sha1"
	"encoding/base32"
)

// Kind is the kind of an entity. Its values are the GraphQL EntityKind enum.
type Kind string

// The five kinds of entity a yearbook describes.
const (
	Person       Kind = "PERSON"
	Organization Kind = "ORGANIZATION"
	Place        Kind = "PLACE"
	Event        Kind = "EVENT"
	Project      Kind = "PROJECT"
)

// Honor is the kind of the refs that name an honor (林业英雄) as the end of
// a HONORED relationship. It is not an entity kind of the API: an honor is
// reached through the people and organizations that received it.
const Honor Kind = "HONOR"

// Kinds lists every kind, in the order the API reports them.
var Kinds = []Kind{Person, Organization, Place, Event, Project}

// Label is the Neo4j label of the kind: "Person", "Organization", ….
func (k Kind) Label() string {
	switch k {
	case Person:
		return "Person"
	case Organization:
		return "Organization"
	case Place:
		return "Place"
	case Event:
		return "Event"
	case Project:
		return "Project"
	case Honor:
		return "Honor"
	}
	return ""
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k != Honor && k.Label() != "" }

// Relationship types. Directions read as sentences: Person HELD_POSITION
// Organization; Place PART_OF Place; Event OCCURRED_IN Place.
const (
	HeldPosition   = "HELD_POSITION"   // Person → Organization {title, start, end, concurrent, note}
	PartOf         = "PART_OF"         // Organization → Organization, Place → Place (child → parent)
	LocatedIn      = "LOCATED_IN"      // Organization → Place, Project → Place
	OccurredIn     = "OCCURRED_IN"     // Event → Place
	ParticipatedIn = "PARTICIPATED_IN" // Person → Event, Organization → Event {role}
	Involves       = "INVOLVES"        // Event → Project
	OwnedBy        = "OWNED_BY"        // Project → Organization
	Honored        = "HONORED"         // Person or Organization → Honor {year, awardedBy: organization key}
)

// RelationshipTypes lists every relationship type, for statistics and for
// validating API arguments.
var RelationshipTypes = []string{HeldPosition, PartOf, LocatedIn, OccurredIn, ParticipatedIn, Involves, OwnedBy, Honored}

// Source is the provenance of one fact: where in which yearbook a historian
// can read it. Line is the 1-based line of the raw file; Page the printed
// page (0 when unknown); Section the path of headings, joined by " > ".
type Source struct {
	Yearbook string `json:"yearbook"`
	Page     int    `json:"page,omitempty"`
	Section  string `json:"section"`
	Line     int    `json:"line"`
	Quote    string `json:"quote"`
}

// Ref names an entity by kind and match key before it has an ID, so that
// extractors can relate entities they have not resolved.
type Ref struct {
	Kind Kind   `json:"kind"`
	Key  string `json:"key"`
}

// idPrefixes give the kind part of an ID, so that an ID alone tells its
// kind. They are a list, not a map: a search of the six kinds is cheaper
// than hashing the kind of each of the thousands of IDs an extraction
// asks for.
var idPrefixes = [...]struct {
	kind   Kind
	prefix string
}{{Person, "per"}, {Organization, "org"}, {Place, "plc"}, {Event, "evt"}, {Project, "prj"}, {Honor, "hon"}}

// idPrefix returns the prefix of the IDs of kind k, or "".
func idPrefix(k Kind) string {
	for _, p := range idPrefixes {
		if p.kind == k {
			return p.prefix
		}
	}
	return ""
}

// ID is the stable global ID of the entity the ref names: the same kind and
// key give the same ID in every load, which keeps API IDs stable across
// reloads of a yearbook.
//
// Extraction asks for thousands of IDs: the hashed bytes and the ID are
// put together in buffers on the stack, so that the ID string is the one
// allocation.
func (r Ref) ID() string {
	var in [128]byte
	sum := sha1.Sum(append(append(append(in[:0], r.Kind...), 0), r.Key...))
	p := idPrefix(r.Kind)
	var id [32]byte // the prefix (three letters), '_' and the 16 characters of the hash
	n := copy(id[:], p)
	id[n] = '_'
	idEncoding.Encode(id[n+1:], sum[:10])
	return string(id[:n+1+idEncoding.EncodedLen(10)])
}

// idEncoding is base32 in lower case without padding, made once: extraction
// and loading ask for thousands of IDs, and building the encoding per call
// cost more than the hash.
var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// KindOfID returns the kind of an ID made by Ref.ID, or "" when id is not
// one; the API uses it to reject malformed IDs before asking the database.
func KindOfID(id string) Kind {
	if len(id) != 20 || id[3] != '_' {
		return ""
	}
	for _, p := range idPrefixes {
		if id[:3] == p.prefix {
			return p.kind
		}
	}
	return ""
}

// Entity is one person, organization, place, event or project, with every
// mention of it. Key is its match key (see loaders/textnorm.Key); Name the
// form shown to users. Props hold kind-specific facts as written: gender,
// ethnicity (Person); placeType (Place); date, endDate, description (Event);
// investment, status (Project).
type Entity struct {
	ID       string            `json:"id"`
	Kind     Kind              `json:"kind"`
	Key      string            `json:"key"`
	Name     string            `json:"name"`
	Aliases  []string          `json:"aliases,omitempty"`
	Props    map[string]string `json:"props,omitempty"`
	Mentions []Source          `json:"mentions"`
}

// Ref returns the ref of the entity.
func (e *Entity) Ref() Ref { return Ref{Kind: e.Kind, Key: e.Key} }

// Relationship is one fact linking two entities, with its own provenance.
// Props hold the type-specific facts: title, start, end, concurrent, note,
// role, year.
type Relationship struct {
	Type   string            `json:"type"`
	From   Ref               `json:"from"`
	To     Ref               `json:"to"`
	Props  map[string]string `json:"props,omitempty"`
	Source Source            `json:"source"`
}

// Diagnostic reports a line the extraction could not use, or PDF damage it
// repaired, so that losses are counted rather than hidden.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Yearbook identifies one loaded edition. ID is derived from the file name
// (wuwei-2024); Hash is the SHA-256 of its bytes, which makes a reload of the
// same file a no-op.
type Yearbook struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	File  string `json:"file"`
	Hash  string `json:"hash"`
	Lines int    `json:"lines"`
	Bytes int    `json:"bytes"`
}

// Graph is everything extracted from one yearbook.
type Graph struct {
	Yearbook      Yearbook       `json:"yearbook"`
	Entities      []Entity       `json:"entities"`
	Relationships []Relationship `json:"relationships"`
	Diagnostics   []Diagnostic   `json:"diagnostics"`
	// Pages is the text of the yearbook, page by page, stored with the
	// graph so that a historian can read the lines around any Source (the
	// service keeps no files). It is not part of the extracted facts, so
	// it stays out of their JSON.
	Pages []Page `json:"-"`
}

// Page is one printed page of a yearbook's text: its number and its lines
// as written (trailing spaces trimmed), the first of which is line First
// of the file. Pages are contiguous: together they hold every line once.
type Page struct {
	Number int
	First  int
	Lines  []string
}

// Last is the number of the page's last line.
func (p *Page) Last() int { return p.First + len(p.Lines) - 1 }

// ValidDate checks that s is an ISO date at year, month or day precision
// (2023, 2023-11, 2023-11-05), the only forms the API accepts.
func ValidDate(s string) error {
	ok := len(s) == 4 || len(s) == 7 || len(s) == 10
	for i := 0; ok && i < len(s); i++ {
		switch i {
		case 4, 7:
			ok = s[i] == '-'
		default:
			ok = s[i] >= '0' && s[i] <= '9'
		}
	}
	if ok && len(s) >= 7 {
		ok = s[5:7] >= "01" && s[5:7] <= "12"
	}
	if ok && len(s) == 10 {
		ok = s[8:10] >= "01" && s[8:10] <= "31"
	}
	if !ok {
		return Errorf(EINVALID, "invalid date %q: use 2023, 2023-11 or 2023-11-05", s)
	}
	return nil
}

// HeldAt reports whether a post with the given start and end (ISO dates at
// any precision, "" when unknown) was held at date at. Dates compare at the
// coarser of the two precisions: a post that ended in 2023-11 was still held
// at 2023-11 and at 2023-11-20, and not at 2023-12. An unknown start or end
// is taken as open.
func HeldAt(start, end, at string) bool {
	if start != "" && cut(at, start) < cut(start, at) {
		return false
	}
	if end != "" && cut(at, end) > cut(end, at) {
		return false
	}
	return true
}

// cut shortens a to the precision of b.
func cut(a, b string) string {
	if len(a) > len(b) {
		return a[:len(b)]
	}
	return a
}
