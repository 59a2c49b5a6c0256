// Package loaders is the ingestion pipeline of yearbooks: decode →
// segment → extract (one extractor per kind of passage) → resolve
// identities, and then the load into Neo4j. Everything up to the load is
// pure and knows nothing of the database.
package loaders

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/events"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/resolve"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

// Timing is the duration of one stage of an extraction.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Result is an extracted yearbook with the cost of each stage.
type Result struct {
	Graph   *kg.Graph
	Doc     *segment.Document
	Timings []Timing
}

// ExtractFile reads and extracts the yearbook at path. The yearbook's ID is
// the file name without its extension (wuwei-2024.txt → wuwei-2024).
func ExtractFile(path string) (*Result, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read yearbook: %w", err)
	}
	if st.Size() > decode.MaxFileBytes {
		return nil, &decode.Error{File: path, Reason: fmt.Sprintf("file of %d MB is larger than any yearbook (limit %d MB)", st.Size()>>20, decode.MaxFileBytes>>20)}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read yearbook: %w", err)
	}
	return Extract(path, b)
}

// Extract extracts the yearbook whose file name and bytes are given. It
// fails only when the input is not a yearbook at all (empty, binary, an
// unknown encoding, no structure); damaged lines become diagnostics.
//
// The graph's texts (its pages' lines, quotes) may be pieces of b itself
// (decode.Lines does not copy a UTF-8 file), so b must not be changed for
// as long as the result is in use.
func Extract(path string, b []byte) (*Result, error) {
	res := &Result{}
	t := time.Now()
	stage := func(name string) {
		now := time.Now()
		res.Timings = append(res.Timings, Timing{name, now.Sub(t)})
		t = now
	}
	lines, enc, err := decode.Lines(path, b)
	if err != nil {
		return nil, err
	}
	stage("decode")
	doc := segment.Parse(path, lines)
	res.Doc = doc
	stage("segment")
	if err := checkYearbook(doc); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	yb := kg.Yearbook{ID: YearbookID(path), File: filepath.Base(path), Hash: hex.EncodeToString(sum[:]), Lines: len(lines), Bytes: len(b)}
	yb.Title = doc.City + "年鉴"
	if doc.Year > 0 {
		yb.Title += strconv.Itoa(doc.Year + 1)
	}
	id := yb.ID

	rg := roster.Extract(doc, id)
	stage("roster")
	// The running text is joined once for the extractors that read all
	// of it: places, honors, prose and events.
	running := doc.Running()
	pg := places.ExtractRunning(doc, id, running)
	stage("places")
	hg := honors.ExtractRunning(doc, id, running)
	stage("honors")
	finder := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
	stage("finder")
	tg := prose.ExtractRunning(doc, id, finder, running)
	stage("prose")
	eg := events.ExtractRunning(doc, id, finder, running)
	stage("events")
	g := resolve.Merge(yb, doc.City, rg, pg, hg, eg, tg)
	g.Diagnostics = append(append([]kg.Diagnostic(nil), doc.Diagnostics...), g.Diagnostics...)
	if enc != decode.UTF8 {
		g.Diagnostics = append(g.Diagnostics, kg.Diagnostic{File: path, Line: 1, Code: "encoding", Message: "decoded from " + string(enc)})
	}
	if decode.Truncated(b) {
		g.Diagnostics = append(g.Diagnostics, kg.Diagnostic{File: path, Line: len(lines), Code: "truncated", Message: "the file ends in the middle of a line: it may have been cut off"})
	}
	// The decoded lines are read no more: their array takes the pages'.
	g.Pages = pages(doc, lines)
	stage("resolve")
	res.Graph = g
	return res, nil
}

// Pages cuts the document's lines into its printed pages, for the store to
// keep the text a Source points into. A page number met again further on
// (a misread banner) continues the page before it, so that page numbers
// stay unique within a yearbook and every page a contiguous run of lines.
//
// Since every page is a contiguous run, the pages' lines are consecutive
// slices of one array of all the lines, instead of a slice grown per page.
func Pages(doc *segment.Document) []kg.Page {
	return pages(doc, make([]string, len(doc.Lines)))
}

// pages is Pages, with all, of one string a line of doc, for the array of
// the pages' lines.
//
// The lines are taken a run of one page number at a time: a page's slice
// is set once a run, not grown once a line.
func pages(doc *segment.Document, all []string) []kg.Page {
	var out []kg.Page
	seen := map[int]bool{}
	lines := doc.Lines
	for i := 0; i < len(lines); {
		page := lines[i].Page
		if len(out) == 0 || (page != out[len(out)-1].Number && !seen[page]) {
			seen[page] = true
			out = append(out, kg.Page{Number: page, First: lines[i].N, Lines: all[i:i]})
		}
		j := i
		for ; j < len(lines) && lines[j].Page == page; j++ {
			all[j] = lines[j].Text
		}
		p := &out[len(out)-1]
		p.Lines = p.Lines[:len(p.Lines)+j-i]
		i = j
	}
	// Clipped, so that appending to one page never writes over the next.
	for i := range out {
		out[i].Lines = slices.Clip(out[i].Lines)
	}
	return out
}

// checkYearbook refuses a text with none of a yearbook's structure, so that
// a wrong file fails with one clear error instead of an empty graph.
func checkYearbook(doc *segment.Document) error {
	topics := 0
	for _, p := range doc.Parts {
		for _, s := range p.Sections {
			topics += len(s.Topics)
		}
	}
	if topics == 0 {
		return &decode.Error{File: doc.File, Reason: "not a yearbook: no 【topic】 entries found"}
	}
	return nil
}

// YearbookID derives a yearbook's ID from its file name.
func YearbookID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
