package graph

import (
	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/neo4jstore"
)

// The relations the API follows, named for the field that uses them.
var (
	relPersonEvents  = neo4jstore.Relation{Type: kg.ParticipatedIn, Out: true, Label: "Event", ByDate: true}
	relOrgEvents     = relPersonEvents
	relOrgParent     = neo4jstore.Relation{Type: kg.PartOf, Out: true, Label: "Organization"}
	relOrgUnits      = neo4jstore.Relation{Type: kg.PartOf, Out: false, Label: "Organization"}
	relOrgPlaces     = neo4jstore.Relation{Type: kg.LocatedIn, Out: true, Label: "Place"}
	relOrgProjects   = neo4jstore.Relation{Type: kg.OwnedBy, Out: false, Label: "Project"}
	relPlaceParent   = neo4jstore.Relation{Type: kg.PartOf, Out: true, Label: "Place"}
	relPlaceChildren = neo4jstore.Relation{Type: kg.PartOf, Out: false, Label: "Place"}
	relPlaceEvents   = neo4jstore.Relation{Type: kg.OccurredIn, Out: false, Label: "Event", ByDate: true}
	relPlaceProjects = neo4jstore.Relation{Type: kg.LocatedIn, Out: false, Label: "Project"}
	relEventPeople   = neo4jstore.Relation{Type: kg.ParticipatedIn, Out: false, Label: "Person"}
	relEventOrgs     = neo4jstore.Relation{Type: kg.ParticipatedIn, Out: false, Label: "Organization"}
	relEventPlaces   = neo4jstore.Relation{Type: kg.OccurredIn, Out: true, Label: "Place"}
	relEventProjects = neo4jstore.Relation{Type: kg.Involves, Out: true, Label: "Project"}
	relProjectPlaces = neo4jstore.Relation{Type: kg.LocatedIn, Out: true, Label: "Place"}
	relProjectOrgs   = neo4jstore.Relation{Type: kg.OwnedBy, Out: true, Label: "Organization"}
	relProjectEvents = neo4jstore.Relation{Type: kg.Involves, Out: false, Label: "Event", ByDate: true}
)

// listSize is the page size of relationship lists without a first argument.
const listSize = 200
