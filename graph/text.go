package graph

import (
	"context"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph/model"
	"github.com/yearbookkg/kg/neo4jstore"
)

// maxContext bounds Mention.context's before and after: a window is for
// reading around a quote, a page is for reading a page.
const maxContext = 50

// sourceText resolves Mention.context and Query.sourceText. It asks the store for one line more
// on each side than the window, which tells whether a wider window would
// show more without a second query.
func (r *Resolver) sourceText(ctx context.Context, m *model.Mention, before, after *int) (*model.SourceText, error) {
	b, a := 3, 3
	if before != nil {
		b = *before
	}
	if after != nil {
		a = *after
	}
	if b < 0 || b > maxContext || a < 0 || a > maxContext {
		return nil, kg.Errorf(kg.EINVALID, "before and after must be between 0 and %d", maxContext)
	}
	lines, err := r.Store.Lines(ctx, m.Yearbook, m.Line-b-1, m.Line+a+1)
	if err != nil {
		return nil, err
	}
	out := &model.SourceText{Yearbook: m.Yearbook, Line: m.Line, Lines: make([]*model.TextLine, 0, len(lines))}
	found := false
	for _, l := range lines {
		switch {
		case l.Line < m.Line-b:
			out.HasBefore = true
		case l.Line > m.Line+a:
			out.HasAfter = true
		default:
			if l.Line == m.Line {
				out.Page, found = l.Page, true
			}
			out.Lines = append(out.Lines, toTextLine(l))
		}
	}
	if !found {
		// The yearbook's text is not stored (or the line is not in it).
		return nil, nil
	}
	return out, nil
}

// page resolves Yearbook.page.
func (r *Resolver) page(ctx context.Context, yearbook string, number int) (*model.Page, error) {
	p, err := r.Store.Page(ctx, yearbook, number)
	if err != nil || p == nil {
		return nil, err
	}
	out := &model.Page{Yearbook: p.Yearbook, Number: p.Number, FirstLine: p.First, LastLine: p.Last, Lines: make([]*model.TextLine, len(p.Lines))}
	for i, l := range p.Lines {
		out.Lines[i] = toTextLine(l)
	}
	return out, nil
}

func toTextLine(l neo4jstore.TextLine) *model.TextLine {
	return &model.TextLine{Line: l.Line, Page: l.Page, Text: l.Text}
}
