package results

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/yearbookkg/kg/bench/internal/measure"
)

// Table writes a Markdown table.
func Table(w io.Writer, header []string, rows [][]string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(header, " | "))
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
		if i > 0 {
			seps[i] = "--:"
		}
	}
	fmt.Fprintf(w, "|%s|\n", strings.Join(seps, "|"))
	for _, r := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
	}
	fmt.Fprintln(w)
}

// cell is one (query, path, clients) of a suite over its rounds.
type cell struct {
	p50, p95, p99, rps []float64
	mean               []float64
	handler, reads     []float64 // the service's own timers (Run.Service), when read
	rss                []float64 // peak service memory of each run, when sampled
	errors             int
}

func (l *Loadgen) cells() map[string]*cell {
	out := map[string]*cell{}
	for _, r := range l.Runs {
		k := key(r.Query, r.Mode, r.Clients)
		c := out[k]
		if c == nil {
			c = &cell{}
			out[k] = c
		}
		c.p50 = append(c.p50, r.Latency.P50)
		c.p95 = append(c.p95, r.Latency.P95)
		c.p99 = append(c.p99, r.Latency.P99)
		c.rps = append(c.rps, r.RPS)
		c.mean = append(c.mean, r.Latency.Mean)
		if r.Service != nil {
			c.handler = append(c.handler, r.Service.HandlerMs)
			c.reads = append(c.reads, r.Service.ReadsMs)
		}
		if r.ServiceMB > 0 {
			c.rss = append(c.rss, r.ServiceMB)
		}
		c.errors += r.Errors
	}
	return out
}

func key(q, mode string, clients int) string { return q + "/" + mode + "/" + strconv.Itoa(clients) }

func (l *Loadgen) clients() []int {
	var cs []int
	for _, r := range l.Runs {
		if !slices.Contains(cs, r.Clients) {
			cs = append(cs, r.Clients)
		}
	}
	slices.Sort(cs)
	return cs
}

func med(xs []float64) measure.Spread { return measure.SpreadOf(xs) }

// Ratio returns the median GraphQL p50 over the median floor p50 of a
// query at a client count, or 0 when either is missing.
func (l *Loadgen) Ratio(query string, clients int) float64 {
	cs := l.cells()
	g, f := cs[key(query, "graphql", clients)], cs[key(query, "floor", clients)]
	if g == nil || f == nil || med(f.p50).Median == 0 {
		return 0
	}
	return med(g.p50).Median / med(f.p50).Median
}

// Markdown writes the suite's tables: latency and throughput per query and
// client count for both paths, the targets, memory and the data checks.
func (l *Loadgen) Markdown(w io.Writer) {
	cs := l.cells()
	clients := l.clients()
	rounds := fmt.Sprintf("%d round(s)", l.Rounds)
	fmt.Fprintf(w, "Latency in ms; p50 is the median over %s with the range in brackets, p95, p99 and req/s are medians over rounds. "+
		"Requests per run by clients: %s. Ratio = GraphQL p50 / floor p50.\n\n", rounds, requestsText(l.Requests))
	var rows [][]string
	for _, q := range l.Queries {
		for _, c := range clients {
			g, f := cs[key(q.Name, "graphql", c)], cs[key(q.Name, "floor", c)]
			row := []string{q.Name, strconv.Itoa(c)}
			for _, x := range []*cell{g, f} {
				if x == nil {
					row = append(row, "–", "–", "–", "–")
					continue
				}
				errs := ""
				if x.errors > 0 {
					errs = fmt.Sprintf(" (%d errors)", x.errors)
				}
				row = append(row, fmt.Sprintf("%.0f%s", med(x.rps).Median, errs), med(x.p50).String(),
					fmt.Sprintf("%.1f", med(x.p95).Median), fmt.Sprintf("%.1f", med(x.p99).Median))
			}
			ratio := "–"
			if r := l.Ratio(q.Name, c); r > 0 {
				ratio = fmt.Sprintf("%.2f×", r)
			}
			rows = append(rows, append(row, ratio))
		}
	}
	Table(w, []string{"query", "clients", "GraphQL req/s", "GraphQL p50", "p95", "p99", "floor req/s", "floor p50", "p95", "p99", "ratio"}, rows)
}

// TargetsMarkdown writes, per query, whether GraphQL's p50 is within
// TargetRatio of the floor's at each client count and whether its p99 at
// the most clients is within TargetP99, then the memory target.
func (l *Loadgen) TargetsMarkdown(w io.Writer) {
	cs := l.cells()
	clients := l.clients()
	if len(clients) == 0 {
		return
	}
	most := clients[len(clients)-1]
	header := []string{"query"}
	for _, c := range clients {
		header = append(header, fmt.Sprintf("ratio @%d", c))
	}
	header = append(header, fmt.Sprintf("p50 ≤ %.2f× floor", TargetRatio), fmt.Sprintf("p99 @%d", most), fmt.Sprintf("p99 ≤ %.0f ms", TargetP99),
		fmt.Sprintf("floor p99 @%d", most), fmt.Sprintf("peak RSS MB @%d", most))
	var rows [][]string
	for _, q := range l.Queries {
		row := []string{q.Name}
		worst := 0.0
		for _, c := range clients {
			r := l.Ratio(q.Name, c)
			worst = max(worst, r)
			row = append(row, fmt.Sprintf("%.2f×", r))
		}
		if worst <= TargetRatio {
			row = append(row, "met")
		} else {
			row = append(row, fmt.Sprintf("missed (worst %.2f×, %.1f× over)", worst, worst/TargetRatio))
		}
		g, f := cs[key(q.Name, "graphql", most)], cs[key(q.Name, "floor", most)]
		if g == nil {
			rows = append(rows, append(row, "–", "–", "–", "–"))
			continue
		}
		p99 := med(g.p99).Median
		verdict := "met"
		if p99 > TargetP99 {
			verdict = fmt.Sprintf("missed by %.0f ms (%.1f×)", p99-TargetP99, p99/TargetP99)
		}
		floor := "–"
		if f != nil {
			floor = fmt.Sprintf("%.1f", med(f.p99).Median)
		}
		peak := "–"
		if len(g.rss) > 0 {
			peak = fmt.Sprintf("%.0f", slices.Max(g.rss))
		}
		rows = append(rows, append(row, fmt.Sprintf("%.1f", p99), verdict, floor, peak))
	}
	Table(w, header, rows)
	if l.Memory != nil {
		m := l.Memory
		verdict := "met"
		if m.Service.Max > TargetRSS {
			verdict = fmt.Sprintf("missed by %.0f MB", m.Service.Max-TargetRSS)
		}
		fmt.Fprintf(w, "Resident memory under %d-client GraphQL load (%d samples every 100 ms; %s): "+
			"service median %.1f MB, max %.1f MB (target ≤ %.0f MB: %s)", most, m.Samples, m.Source, m.Service.Median, m.Service.Max, TargetRSS, verdict)
		if m.JVM.N > 0 {
			fmt.Fprintf(w, "; Neo4j's JVM median %.0f MB, max %.0f MB (not part of the target)", m.JVM.Median, m.JVM.Max)
		}
		fmt.Fprint(w, ".\n\n")
	}
}

// HopMarkdown writes the hop's latency (Loadgen.Hop), the part of the
// GraphQL side's latency that the 1.25× target must leave room for at
// one client.
func (l *Loadgen) HopMarkdown(w io.Writer) {
	if len(l.Hop) == 0 {
		return
	}
	var p50, p99 []float64
	for _, h := range l.Hop {
		p50, p99 = append(p50, h.P50), append(p99, h.P99)
	}
	fmt.Fprintf(w, "The hop: `{ __typename }` through the service (HTTP, transport and an answer, nothing read from Neo4j), one client, %d requests a round: p50 %s ms, p99 %s ms (median and range over %d round(s)).\n\n",
		l.Hop[0].N, measure.SpreadOf(p50).Format("%.2f"), measure.SpreadOf(p99).Format("%.2f"), len(l.Hop))
}

// SplitMarkdown writes where a GraphQL request's mean latency went, by
// the service's own timers, beside the floor's mean: the Neo4j reads (as
// the floor, a query and its records decoded), the service's own work
// (the handler's time beyond its reads: parsing, resolvers, JSON) and
// HTTP (what the client saw beyond the handler). It writes nothing when
// the runs have no timers.
func (l *Loadgen) SplitMarkdown(w io.Writer) {
	cs := l.cells()
	var rows [][]string
	for _, q := range l.Queries {
		for _, c := range l.clients() {
			g, f := cs[key(q.Name, "graphql", c)], cs[key(q.Name, "floor", c)]
			if g == nil || len(g.handler) == 0 {
				continue
			}
			mean, handler, reads := med(g.mean).Median, med(g.handler).Median, med(g.reads).Median
			floor, over := "–", "–"
			if f != nil {
				fm := med(f.mean).Median
				floor, over = fmt.Sprintf("%.2f", fm), fmt.Sprintf("%+.2f", mean-fm)
			}
			rows = append(rows, []string{q.Name, strconv.Itoa(c), fmt.Sprintf("%.2f", mean), fmt.Sprintf("%.2f", reads),
				fmt.Sprintf("%.2f", handler-reads), fmt.Sprintf("%.2f", mean-handler), floor, over})
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "Where a GraphQL request's time went: mean latency in ms (medians over rounds), split by the service's own timers "+
		"(its /metrics, read before and after each run). Neo4j reads: the store's reads, the query and its records decoded, "+
		"as the floor's; service: the rest of the handler's time (parsing, resolvers, JSON); HTTP: what the client saw beyond the handler.\n\n")
	Table(w, []string{"query", "clients", "GraphQL mean", "Neo4j reads", "service", "HTTP", "floor mean", "GraphQL − floor"}, rows)
}

// FloorsMarkdown writes, per query and client count, the floors of an
// HTTP service beside the Bolt floor, from the http and relay modes' runs:
// the service's answers served from memory by a bare HTTP server (the
// HTTP floor), and by the same server after it has run the floor's Cypher
// (the relay: the least any HTTP service reading this Neo4j could do,
// short of turning records into JSON). The relay over the Bolt floor is
// the least ratio to the floor such a service could reach; GraphQL over
// the relay is what GraphQL and the service add. It writes nothing
// without relay runs.
func (l *Loadgen) FloorsMarkdown(w io.Writer) {
	cs := l.cells()
	var rows [][]string
	for _, q := range l.Queries {
		for _, c := range l.clients() {
			g, f, r := cs[key(q.Name, "graphql", c)], cs[key(q.Name, "floor", c)], cs[key(q.Name, "relay", c)]
			if g == nil || f == nil || r == nil {
				continue
			}
			web := "–"
			if h := cs[key(q.Name, "http", c)]; h != nil {
				web = fmt.Sprintf("%.2f", med(h.p50).Median)
			}
			bolt, relay, gql := med(f.p50).Median, med(r.p50).Median, med(g.p50).Median
			rows = append(rows, []string{q.Name, strconv.Itoa(c), fmt.Sprintf("%.1f", float64(q.AnswerBytes)/1024),
				fmt.Sprintf("%.2f", bolt), web, fmt.Sprintf("%.2f", relay), fmt.Sprintf("%.2f", gql),
				fmt.Sprintf("%.2f×", relay/bolt), fmt.Sprintf("%.2f×", gql/bolt), fmt.Sprintf("%.2f×", gql/relay)})
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "The floors of an HTTP service (p50 in ms, medians over rounds): each query's answers, as the service gave them, "+
		"served by a bare net/http server with the service's compression, in a process of its own: from memory (HTTP floor), "+
		"and after running the floor's Cypher over Bolt (relay: the least any HTTP service reading this Neo4j could do). "+
		"Least ratio: relay / Bolt floor; GraphQL / relay: what GraphQL and the service add to it.\n\n")
	Table(w, []string{"query", "clients", "answer KB", "Bolt floor", "HTTP floor", "relay", "GraphQL", "least ratio", "GraphQL ratio", "GraphQL / relay"}, rows)
}

// ChecksMarkdown writes how many parameter sets gave the same answer
// shape through GraphQL and the floor, and the ones that did not.
func (l *Loadgen) ChecksMarkdown(w io.Writer) {
	same := 0
	var diff [][]string
	for _, c := range l.Checks {
		if c.GraphQL == c.Floor {
			same++
		} else {
			diff = append(diff, []string{c.Query, c.Params, c.GraphQL, c.Floor})
		}
	}
	fmt.Fprintf(w, "Same data: %d of %d parameter sets gave the same answer through GraphQL and the floor (counted: steps and events, posts, events and page, results and the first, nodes and relationships, path length, buckets and events).\n\n", same, len(l.Checks))
	if len(diff) > 0 {
		Table(w, []string{"query", "parameters", "GraphQL", "floor"}, diff)
	}
}

func requestsText(m map[string]int) string {
	var ks []int
	for k := range m {
		n, _ := strconv.Atoi(k)
		ks = append(ks, n)
	}
	sort.Ints(ks)
	var parts []string
	for _, k := range ks {
		parts = append(parts, fmt.Sprintf("%d clients → %d", k, m[strconv.Itoa(k)]))
	}
	return strings.Join(parts, ", ")
}

// Markdown writes the soak's windows.
func (s *Soak) Markdown(w io.Writer) {
	fmt.Fprintf(w, "%d clients of mixed queries for %s: %d requests, %d errors", s.Clients, s.Duration, s.Requests, s.Errors)
	if len(s.ByError) > 0 {
		var parts []string
		for k, v := range s.ByError {
			parts = append(parts, fmt.Sprintf("%s × %d", k, v))
		}
		sort.Strings(parts)
		fmt.Fprintf(w, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprint(w, ".\n\n")
	var rows [][]string
	for _, x := range s.Windows {
		rows = append(rows, []string{fmt.Sprintf("%.0f", x.At), strconv.Itoa(x.Requests), strconv.Itoa(x.Errors),
			fmt.Sprintf("%.1f", x.P50), fmt.Sprintf("%.1f", x.P99), fmt.Sprintf("%.1f", x.ServiceMB), fmt.Sprintf("%.1f", x.HeapMB), fmt.Sprintf("%.0f", x.JVMMB)})
	}
	Table(w, []string{"s", "requests", "errors", "p50 ms", "p99 ms", "service RSS MB", "Go heap in use MB", "JVM RSS MB"}, rows)
}

// loadMedians groups load runs by batch size.
func (l *Loads) byBatch() map[int][]LoadRun {
	out := map[int][]LoadRun{}
	for _, r := range l.Runs {
		out[r.Batch] = append(out[r.Batch], r)
	}
	return out
}

// Batches returns the batch sizes measured, ascending.
func (l *Loads) Batches() []int {
	var bs []int
	for b := range l.byBatch() {
		bs = append(bs, b)
	}
	sort.Ints(bs)
	return bs
}

// StagesMarkdown writes the stages of the loads at one batch size:
// medians and ranges over repetitions, and rows per second.
func (l *Loads) StagesMarkdown(w io.Writer, batch int) {
	runs := l.byBatch()[batch]
	if len(runs) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%.2f MB), batch size %d, %d repetitions; seconds as median (range).\n\n", l.Yearbook, float64(l.Bytes)/(1<<20), batch, len(runs))
	var rows [][]string
	add := func(name string, rowsN int, xs []float64) {
		s := med(xs)
		rate := "–"
		if rowsN > 0 && s.Median > 0 {
			rate = fmt.Sprintf("%.0f", float64(rowsN)/s.Median)
		}
		rows = append(rows, []string{name, rowsOrDash(rowsN), s.Format("%.3f"), rate})
	}
	collectF := func(f func(LoadRun) float64) []float64 {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, f(r))
		}
		return xs
	}
	add("extraction", 0, collectF(func(r LoadRun) float64 { return r.Extract }))
	add("schema (constraints and indexes, empty database)", 0, collectF(func(r LoadRun) float64 { return r.Schema }))
	total := 0
	for i, st := range runs[0].Stages {
		xs := collectF(func(r LoadRun) float64 {
			if i < len(r.Stages) {
				return r.Stages[i].Seconds
			}
			return 0
		})
		total += st.Rows
		add("write: "+st.Name, st.Rows, xs)
	}
	add("**write transaction, commit included**", total, collectF(func(r LoadRun) float64 { return r.Load }))
	add("**extraction + schema + write**", 0, collectF(func(r LoadRun) float64 { return r.Extract + r.Schema + r.Load }))
	Table(w, []string{"stage", "rows", "seconds", "rows/s"}, rows)
}

func rowsOrDash(n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

// BatchMarkdown compares batch sizes: the write transaction and the stages
// with the most rows.
func (l *Loads) BatchMarkdown(w io.Writer) {
	by := l.byBatch()
	bs := l.Batches()
	if len(bs) == 0 {
		return
	}
	big := map[string]bool{}
	for _, st := range by[bs[0]][0].Stages {
		if st.Rows >= 1000 {
			big[st.Name] = true
		}
	}
	header := []string{"batch size", "write transaction s"}
	var names []string
	for _, st := range by[bs[0]][0].Stages {
		if big[st.Name] {
			names = append(names, st.Name)
			header = append(header, st.Name+" s")
		}
	}
	var rows [][]string
	for _, b := range bs {
		runs := by[b]
		var tot []float64
		for _, r := range runs {
			tot = append(tot, r.Load)
		}
		row := []string{strconv.Itoa(b), med(tot).Format("%.2f")}
		for _, n := range names {
			var xs []float64
			for _, r := range runs {
				for _, st := range r.Stages {
					if st.Name == n {
						xs = append(xs, st.Seconds)
					}
				}
			}
			row = append(row, med(xs).Format("%.2f"))
		}
		rows = append(rows, row)
	}
	Table(w, header, rows)
}

// ScaleMarkdown writes the loads of 1, 5, 20 … synthetic yearbooks: time
// per MB of the whole run and of its last file against the run's own
// first file, and the size of the graph; medians (ranges) over
// repetitions.
//
// The baseline is each repetition's first file (synth-0, loaded into the
// database the repetition just emptied, schema in place), not one
// yearbook loaded by another procedure: an earlier baseline, synth-0
// loaded alone, came out faster than the same file as the first of a
// 20-yearbook run (1.48 against 2.19 s/MB), so the ratio measured the
// state of the store after a large delete rather than growth. For N = 1
// the ratio is 1 by construction.
func ScaleMarkdown(w io.Writer, scales []*Scale) {
	sort.Slice(scales, func(i, j int) bool { return scales[i].N < scales[j].N })
	if len(scales) == 0 {
		return
	}
	var rows [][]string
	for _, sc := range scales {
		var mb float64
		var extract, load, first, all, last, worst []float64
		for _, files := range sc.Reps {
			if len(files) == 0 {
				continue
			}
			var e, l float64
			mb = 0
			for _, f := range files {
				mb += float64(f.Bytes) / (1 << 20)
				e += f.Extract
				l += f.Load
			}
			extract, load = append(extract, e), append(load, l)
			f, a, z := PerMB(files[:1]), PerMB(files), PerMB(files[len(files)-1:])
			if f <= 0 {
				continue
			}
			first, all, last, worst = append(first, f), append(all, a), append(last, z), append(worst, max(a, z)/f)
		}
		ratio := med(worst).Median
		verdict := "met"
		if ratio > TargetScale {
			verdict = fmt.Sprintf("missed (%.2f×)", ratio)
		}
		entities := 0
		for _, n := range sc.Entities {
			entities += n
		}
		rows = append(rows, []string{strconv.Itoa(sc.N), strconv.Itoa(len(sc.Reps)), fmt.Sprintf("%.1f", mb), med(extract).Format("%.1f"), med(load).Format("%.1f"),
			med(first).Format("%.2f"), med(all).Format("%.2f"), med(last).Format("%.2f"), med(worst).Format("%.2f"), verdict,
			strconv.Itoa(entities), strconv.Itoa(sc.Rels)})
	}
	Table(w, []string{"yearbooks", "reps", "MB", "extraction s", "load s", "load s/MB (first file)", "load s/MB (all)", "load s/MB (last file)", "worst vs first file", fmt.Sprintf("≤ %.1f×", TargetScale), "entities after", "relationships after"}, rows)
}

// GrowthMarkdown compares the write stages of the first and the last file
// of a scale run (medians over repetitions), the stages whose time grows
// most first: what makes a load slower as the database grows.
func GrowthMarkdown(w io.Writer, sc *Scale, top int) {
	if len(sc.Reps) == 0 || len(sc.Reps[0]) < 2 {
		return
	}
	stage := func(i int, name string) float64 {
		var xs []float64
		for _, rep := range sc.Reps {
			for _, st := range rep[i].Stages {
				if st.Name == name {
					xs = append(xs, st.Seconds)
				}
			}
		}
		return med(xs).Median
	}
	last := len(sc.Reps[0]) - 1
	type row struct {
		name        string
		first, last float64
	}
	var rs []row
	var firstTotal, lastTotal []float64
	for _, rep := range sc.Reps {
		firstTotal, lastTotal = append(firstTotal, rep[0].Load), append(lastTotal, rep[last].Load)
	}
	for _, st := range sc.Reps[0][0].Stages {
		rs = append(rs, row{st.Name, stage(0, st.Name), stage(last, st.Name)})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].last-rs[i].first > rs[j].last-rs[j].first })
	var rows [][]string
	for i, r := range rs {
		if i == top {
			break
		}
		growth := "–"
		if r.first > 0 {
			growth = fmt.Sprintf("%.1f×", r.last/r.first)
		}
		rows = append(rows, []string{r.name, fmt.Sprintf("%.3f", r.first), fmt.Sprintf("%.3f", r.last), fmt.Sprintf("%+.3f", r.last-r.first), growth})
	}
	rows = append(rows, []string{"**the whole load**", fmt.Sprintf("%.3f", med(firstTotal).Median), fmt.Sprintf("%.3f", med(lastTotal).Median),
		fmt.Sprintf("%+.3f", med(lastTotal).Median-med(firstTotal).Median), fmt.Sprintf("%.1f×", med(lastTotal).Median/med(firstTotal).Median)})
	Table(w, []string{"stage", sc.Reps[0][0].Name + " s", sc.Reps[0][last].Name + " s", "difference", "growth"}, rows)
}

// PerMB is the load seconds per MB of files.
func PerMB(fs []ScaleFile) float64 {
	var s, b float64
	for _, f := range fs {
		s += f.Load
		b += float64(f.Bytes)
	}
	if b == 0 {
		return 0
	}
	return s / (b / (1 << 20))
}

// PerMB is the median load seconds per MB at a batch size.
func (l *Loads) PerMB(batch int) float64 {
	var xs []float64
	for _, r := range l.byBatch()[batch] {
		xs = append(xs, r.Load)
	}
	if len(xs) == 0 || l.Bytes == 0 {
		return 0
	}
	return med(xs).Median / (float64(l.Bytes) / (1 << 20))
}

// FlatMarkdown writes the GraphQL and floor p50 of each query after
// loading each number of yearbooks, at each client count.
func FlatMarkdown(w io.Writer, byN map[int]*Loadgen) {
	var ns []int
	for n := range byN {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	if len(ns) == 0 {
		return
	}
	first := byN[ns[0]]
	header := []string{"query", "clients"}
	for _, n := range ns {
		header = append(header, fmt.Sprintf("GraphQL p50 @%d", n))
	}
	for _, n := range ns {
		header = append(header, fmt.Sprintf("floor p50 @%d", n))
	}
	header = append(header, fmt.Sprintf("GraphQL @%d / @%d", ns[len(ns)-1], ns[0]))
	var rows [][]string
	for _, q := range first.Queries {
		for _, c := range first.clients() {
			row := []string{q.Name, strconv.Itoa(c)}
			var g []float64
			for _, mode := range []string{"graphql", "floor"} {
				for _, n := range ns {
					x := byN[n].cells()[key(q.Name, mode, c)]
					if x == nil {
						row = append(row, "–")
						continue
					}
					m := med(x.p50).Median
					if mode == "graphql" {
						g = append(g, m)
					}
					row = append(row, fmt.Sprintf("%.1f", m))
				}
			}
			growth := "–"
			if len(g) == len(ns) && g[0] > 0 {
				growth = fmt.Sprintf("%.2f×", g[len(g)-1]/g[0])
			}
			rows = append(rows, append(row, growth))
		}
	}
	Table(w, header, rows)
}
