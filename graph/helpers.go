package graph

import (
	"context"

	"github.com/yearbookkg/kg/graph/model"
)

// honors resolves Person.honors and Organization.honors.
func (r *Resolver) honors(ctx context.Context, id string) ([]*model.Honor, error) {
	hs, err := r.loaders(ctx).Honors.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Honor, len(hs))
	for i, h := range hs {
		out[i] = &model.Honor{Title: h.Title, AwardedByID: h.AwardedBy, Source: toMention(h.Source)}
		if h.Year != "" {
			y := h.Year
			out[i].Year = &y
		}
	}
	return out, nil
}
