package neo4jstore

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// kindLabels are the labels whose every node a lookup must not read: the
// kinds and the bookkeeping nodes that grow with each yearbook.
var kindLabels = map[string]bool{"Entity": true, "Person": true, "Organization": true, "Place": true, "Event": true, "Project": true, "Mention": true, "Name": true, "Honor": true, "Page": true}

var reLabel = regexp.MustCompile(`:([A-Za-z]+)`)

// WholeScans returns the operators of a profiled plan that read a whole
// kind: all nodes, all nodes of a kind label (by label or by a full index
// scan), or all relationships of a type, as "operator(details)". Such a
// plan grows with every yearbook loaded. The store's plan test and
// bench/loadgen -plans both judge plans by it, so they agree on what a
// scan is.
func WholeScans(plan neo4j.ProfiledPlan) []string {
	var out []string
	var visit func(p neo4j.ProfiledPlan)
	visit = func(p neo4j.ProfiledPlan) {
		op, _, _ := strings.Cut(p.Operator(), "@")
		details, _ := p.Arguments()["Details"].(string)
		whole := false
		switch {
		case op == "AllNodesScan", strings.Contains(op, "AllRelationshipsScan"), strings.Contains(op, "RelationshipTypeScan"):
			whole = true
		case strings.HasSuffix(op, "NodeByLabelScan"), strings.HasSuffix(op, "NodeByLabelsScan"), op == "NodeIndexScan":
			for _, m := range reLabel.FindAllStringSubmatch(details, -1) {
				whole = whole || kindLabels[m[1]]
			}
		}
		if whole {
			out = append(out, fmt.Sprintf("%s(%s)", op, details))
		}
		for _, c := range p.Children() {
			visit(c)
		}
	}
	visit(plan)
	return out
}
