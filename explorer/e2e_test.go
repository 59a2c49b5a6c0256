package explorer_test

// End-to-end tests of the explorer: Debian's Chromium, headless, drives the
// page served by the real API over a real Neo4j with the default yearbook
// loaded, as a historian would use it. Screenshots of each step are saved
// as test artefacts in $KG_ARTIFACTS (default explorer/e2e-artifacts).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/yearbookkg/kg/api"
	"github.com/yearbookkg/kg/explorer"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

// chromium finds the browser: $CHROMIUM, else Debian's chromium. A
// missing browser fails the test (it does not skip): `make test` promises
// the browser flows ran.
func chromium(t *testing.T) string {
	t.Helper()
	candidates := []string{"/usr/bin/chromium", "chromium", "chromium-browser"}
	if p := os.Getenv("CHROMIUM"); p != "" {
		candidates = []string{p}
	}
	for _, p := range candidates {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Fatalf("end-to-end tests need Chromium, not found as %s: apt-get install -y chromium (as .ci/run does), or set CHROMIUM to a Chromium binary; go test -short skips them", strings.Join(candidates, ", "))
	return ""
}

// browser is one headless Chromium tab with the service under test, and
// the folder its screenshots go to.
type browser struct {
	t         *testing.T
	ctx       context.Context
	base      string
	artifacts string
	mu        sync.Mutex
	errs      []string // uncaught exceptions and console errors of the page
}

func TestBrowserFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: needs Neo4j and Chromium (skipped with -short)")
	}
	exe := chromium(t)
	if !explorer.New().Built() {
		t.Fatal("the explorer bundle is missing from this build: run make explorer (npm ci && npm run build in explorer/) before go test")
	}
	store := neo4jtest.Store(t)
	neo4jtest.Reset(t, store)
	if _, _, err := loaders.LoadFile(context.Background(), store, "../data/wuwei-2024.txt", io.Discard, true); err != nil {
		t.Fatalf("load yearbook: %v", err)
	}
	srv := httptest.NewServer(api.New(store, api.Options{RequestTimeout: 30 * time.Second}))
	defer srv.Close()
	waitReady(t, srv.URL)

	artifacts := os.Getenv("KG_ARTIFACTS")
	if artifacts == "" {
		artifacts = "e2e-artifacts"
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.NoSandbox, // CI runs as root
			chromedp.DisableGPU,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("hide-scrollbars", true),
			chromedp.Flag("lang", "zh-CN"),
			chromedp.UserDataDir(t.TempDir()),
			chromedp.WindowSize(1400, 1000),
		)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 6*time.Minute)
	defer cancelTimeout()

	b := &browser{t: t, ctx: ctx, base: srv.URL, artifacts: artifacts}
	b.watchErrors()
	b.do("start", chromedp.EmulateViewport(1400, 1000))

	liu, org := b.searchAndOpenPerson()
	b.graphExpands(org)
	b.timelines(liu, org)
	b.provenance(liu)
	b.path(liu)
	b.placeEvents()
	b.phone(liu)

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errs) > 0 {
		t.Errorf("the page reported errors:\n%s", strings.Join(b.errs, "\n"))
	}
}

// waitReady waits until /readyz answers 200: on a loaded machine the first
// reads after the load can take a moment.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("service not ready: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func (b *browser) watchErrors() {
	exceptions := chromedp.Events(b.ctx, runtime.ExceptionThrown)
	console := chromedp.Events(b.ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.errs = append(b.errs, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
			b.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type != runtime.ConsoleAPICalledTypeError {
				continue
			}
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, describe(a))
			}
			b.mu.Lock()
			b.errs = append(b.errs, "console.error: "+strings.Join(parts, " "))
			b.mu.Unlock()
		}
	}()
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Value)
}

// do runs steps; on failure it saves a screenshot of the page and stops
// the test.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.shot("FAILED-" + step)
		b.t.Fatalf("%s: %v", step, err)
	}
}

// run runs one action that returns a value, failing like do.
func run[T any](b *browser, step string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.shot("FAILED-" + step)
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// wait polls a JavaScript predicate until it is true.
func (b *browser) wait(step, predicate string) {
	b.t.Helper()
	b.do(step, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(30*time.Second)))
}

func (b *browser) text(step, css string) string {
	b.t.Helper()
	return run(b, step, chromedp.Text(chromedp.CSS(css), chromedp.NodeVisible))
}

func (b *browser) eval(step, js string) string {
	b.t.Helper()
	return run(b, step, chromedp.Evaluate[string](js))
}

// shot saves a screenshot of the viewport as an artefact.
func (b *browser) shot(name string) {
	buf, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(b.artifacts, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

func (b *browser) typeInto(step, css, text string) {
	b.t.Helper()
	b.do(step, chromedp.Focus(chromedp.CSS(css), chromedp.NodeVisible),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value = ''`, css)))
	// insertText is what an input method commits: Chinese input.
	if _, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		b.t.Fatalf("%s: insert text: %v", step, err)
	}
}

func (b *browser) expectContains(what, got string, want ...string) {
	b.t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			b.shot("FAILED-" + what)
			b.t.Fatalf("%s: %q does not contain %q", what, got, w)
		}
	}
}

// searchAndOpenPerson types 柳鹏 in the header, checks the type-ahead
// groups results by kind, opens him and checks his page: name, a career
// entry, mentions with page numbers. It returns his ID and the ID of the
// party committee he served on.
func (b *browser) searchAndOpenPerson() (liu, org string) {
	b.t.Helper()
	b.do("open home", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=home] .grid4`)))
	b.shot("01-home")
	b.typeInto("search", `input[data-testid=search]`, "柳鹏")
	b.wait("type-ahead", `document.querySelector('header .suggest .group[data-kind=PERSON] .item')?.textContent.includes('柳鹏')`)
	groups := b.eval("groups", `[...document.querySelectorAll('header .suggest .group')].map(g => g.dataset.kind).join(',')`)
	b.expectContains("type-ahead groups", groups, "PERSON", "EVENT")
	b.shot("02-type-ahead")
	b.do("open person", chromedp.Click(chromedp.CSS(`header .suggest .group[data-kind=PERSON] .item`), chromedp.NodeVisible))
	b.wait("entity page", `document.querySelector('[data-testid=entity-name]')?.textContent === '柳鹏'`)
	loc := run(b, "location", chromedp.Location())
	if !strings.Contains(loc, "/e/per_") {
		b.t.Fatalf("person page at %s, want /e/per_…", loc)
	}
	liu = loc[strings.LastIndex(loc, "/")+1:]
	career := b.text("career", `[data-testid=facts] .career`)
	b.expectContains("career", career, "中共武威市委员会", "书记", "2023-03-16")
	mentions := b.eval("mentions", `[...document.querySelectorAll('[data-testid=mention]')].map(li => li.textContent).join('\n')`)
	b.expectContains("mentions", mentions, "第45页", "大事记", "柳鹏")
	if n := strings.Count(mentions, "\n") + 1; n < 10 {
		b.t.Errorf("%d mentions shown, want at least 10", n)
	}
	org = b.eval("org id", `[...document.querySelectorAll('[data-testid=facts] .career a.ent')].find(a => a.textContent.includes('中共武威市委员会'))?.getAttribute('href').slice(3) ?? ''`)
	if !strings.HasPrefix(org, "org_") {
		b.t.Fatalf("party committee link: %q", org)
	}
	return liu, org
}

// graphExpands checks the neighbourhood is drawn and that clicking a node
// on the canvas adds its neighbours.
func (b *browser) graphExpands(org string) {
	b.t.Helper()
	b.wait("graph drawn", `+document.getElementById('graph')?.dataset.nodes > 5`)
	before := b.eval("node count", `document.getElementById('graph').dataset.nodes`)
	b.do("settle", chromedp.Evaluate[chromedp.Void](`document.getElementById('graph').scrollIntoView({block: 'center'})`), chromedp.Sleep(300*time.Millisecond))
	type point struct{ X, Y float64 }
	p := run(b, "node position", chromedp.Evaluate[point](fmt.Sprintf(`document.getElementById('graph').kgGraph.clientPosition(%q)`, org)))
	if p.X <= 0 || p.Y <= 0 {
		b.t.Fatalf("node %s is not on screen: %+v", org, p)
	}
	b.do("click node", chromedp.MouseClickXY(p.X, p.Y))
	b.wait("graph expanded", fmt.Sprintf(`(g => g.dataset.expanded.includes(%q) && +g.dataset.nodes > %s && !g.classList.contains('busy'))(document.getElementById('graph'))`, org, before))
	after := b.eval("node count", `document.getElementById('graph').dataset.nodes`)
	b.t.Logf("graph: %s nodes, %s after expanding %s", before, after, org)
	selection := b.text("selection", `[data-testid=selection]`)
	b.expectContains("selection", selection, "中共武威市委员会")
	b.do("layout", chromedp.Sleep(900*time.Millisecond))
	b.shot("03-graph-expanded")
	if doc := os.Getenv("KG_DOC_SCREENSHOT"); doc != "" {
		// The README's picture: the top of 柳鹏's page with the graph.
		b.do("scroll top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.Sleep(200*time.Millisecond))
		buf := run(b, "doc screenshot", chromedp.CaptureScreenshot())
		if err := os.WriteFile(doc, buf, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// timelines checks 柳鹏's career and the party committee's leadership are
// drawn on a time axis.
func (b *browser) timelines(liu, org string) {
	b.t.Helper()
	rows := b.eval("career rows", `[...document.querySelectorAll('[data-testid=timeline] svg .row')].map(r => r.textContent + '|' + r.dataset.end).join('\n')`)
	b.expectContains("career timeline", rows, "委员", "2023-03-16")
	b.do("scroll to timeline", chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=timeline]`)))
	b.shot("04-career-timeline")
	// Back to the top: a link scrolled under the sticky header is hidden.
	b.do("open organization", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-testid=facts] .career a[href="/e/%s"]`, org)), chromedp.NodeVisible))
	b.wait("organization page", `document.querySelector('[data-testid=entity-name]')?.textContent === '中共武威市委员会'`)
	b.wait("leadership timeline", `document.querySelectorAll('[data-testid=timeline] svg .row').length >= 5`)
	rows = b.eval("leadership rows", `[...document.querySelectorAll('[data-testid=timeline] svg .row')].map(r => r.textContent).join('\n')`)
	b.expectContains("leadership timeline", rows, "王国斌", "柳鹏", "书记")
	leaders := b.text("leadership", `[data-testid=facts] .leadership`)
	b.expectContains("leadership list", leaders, "书记")
	b.do("scroll to timeline", chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=timeline]`)))
	b.shot("05-leadership-timeline")
	b.do("back", chromedp.NavigateBack())
	b.wait("back to the person", `document.querySelector('[data-testid=entity-name]')?.textContent === '柳鹏' && location.pathname === '/e/`+liu+`'`)
}

// provenance follows a mention to its source: the quoted sentence with
// yearbook, page, section and line; the link survives a reload.
func (b *browser) provenance(liu string) {
	b.t.Helper()
	b.do("follow provenance", chromedp.Click(chromedp.CSS(`#mention-1 a.cite-link`), chromedp.NodeVisible))
	b.wait("source panel", `!!document.querySelector('[data-testid=source-panel]') && location.hash === '#mention-1'`)
	check := func(when string) {
		quote := b.text(when+" quote", `[data-testid=source-quote]`)
		b.expectContains(when+" quote", quote, "柳鹏")
		b.expectContains(when+" page", b.text(when+" page", `[data-testid=source-page]`), "第 45 页")
		b.expectContains(when+" citation", b.text(when+" citation", `[data-testid=citation]`), "武威年鉴2024", "第45页", "第5580行")
		// The text around the quote: its own line highlighted, with its
		// number in the margin, the lines before and after it, the page.
		b.wait(when+" context", `!!document.querySelector('[data-testid=context-lines] li.current')`)
		b.expectContains(when+" context line", b.text(when+" context line", `[data-testid=context-lines] li.current`), "5580", "市委书记柳鹏")
		b.expectContains(when+" context line number", b.text(when+" context line number", `[data-testid=context-lines] li.current .ln`), "5580")
		b.expectContains(when+" context window", b.eval(when+" context window", `[...document.querySelectorAll('[data-testid=context-lines] li[data-line]')].map((l) => l.dataset.line).join(',')`), "5576,5577,5578,5579,5580,5581,5582,5583,5584")
		b.expectContains(when+" context after", b.text(when+" context after", `[data-testid=context-lines] li[data-line="5582"]`), "王国斌赴省景电水资源利用中心衔接工作。")
		b.expectContains(when+" context pages", b.text(when+" context pages", `[data-testid=context-pages]`), "第 45 页", "5576–5584")
	}
	check("panel")
	// 'more' widens the window on both sides.
	b.do("more context", chromedp.Click(chromedp.CSS(`[data-testid=context-more]`), chromedp.NodeVisible))
	b.wait("wider context", `!!document.querySelector('[data-testid=context-lines] li[data-line="5572"]') && !!document.querySelector('[data-testid=context-lines] li[data-line="5588"]')`)
	b.expectContains("wider context", b.text("wider context", `[data-testid=context-lines] li.current`), "5580", "柳鹏")
	b.shot("06-provenance")
	b.do("reload", chromedp.Reload())
	b.wait("deep link to the source", `document.querySelector('[data-testid=entity-name]')?.textContent === '柳鹏' && !!document.querySelector('[data-testid=source-panel]')`)
	check("after reload")
	// A deep link opened afresh.
	b.do("deep link", chromedp.Navigate(b.base+"/e/"+liu))
	b.wait("deep link", `document.querySelector('[data-testid=entity-name]')?.textContent === '柳鹏' && +document.getElementById('graph')?.dataset.nodes > 5`)
}

// path asks how 柳鹏 and 王国斌 are connected.
func (b *browser) path(liu string) {
	b.t.Helper()
	b.do("open path view", chromedp.Click(chromedp.CSS(`a[href^="/path?from="]`), chromedp.NodeVisible))
	b.wait("path view", `!!document.querySelector('[data-testid=path-view] input[data-testid=path-to]')`)
	b.expectContains("path from", run(b, "from", chromedp.Value(chromedp.CSS(`input[data-testid=path-from]`))), "柳鹏")
	b.typeInto("path to", `input[data-testid=path-to]`, "王国斌")
	b.wait("path type-ahead", `document.querySelector('.path-view .suggest .group[data-kind=PERSON] .item')?.textContent.includes('王国斌')`)
	b.do("pick", chromedp.Click(chromedp.CSS(`.path-view .suggest .group[data-kind=PERSON] .item`), chromedp.NodeVisible))
	b.wait("path drawn", `document.querySelectorAll('[data-testid=path-steps] li').length >= 1 && +document.getElementById('graph')?.dataset.nodes >= 2`)
	loc := run(b, "location", chromedp.Location())
	b.expectContains("path URL", loc, "from="+liu, "to=per_")
	steps := b.text("steps", `[data-testid=path-steps]`)
	b.expectContains("path steps", steps, "柳鹏", "王国斌")
	b.shot("07-path")
}

// placeEvents opens 武威市 and its events per month, and picks the busiest
// month: the list below shows that month's events.
func (b *browser) placeEvents() {
	b.t.Helper()
	b.typeInto("search place", `input[data-testid=search]`, "武威市")
	b.wait("place type-ahead", `[...document.querySelectorAll('header .suggest .group[data-kind=PLACE] .item .name')].some(e => e.textContent === '武威市')`)
	b.do("open place", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('header .suggest .group[data-kind=PLACE] .item')].find(e => e.querySelector('.name').textContent === '武威市').click()`))
	b.wait("place page", `document.querySelector('[data-testid=entity-name]')?.textContent === '武威市'`)
	b.wait("bar chart", `document.querySelectorAll('[data-testid=place-events] .bar-month:not(.empty)').length >= 3`)
	month := b.eval("busiest month", `[...document.querySelectorAll('[data-testid=place-events] .bar-month')].sort((a, b) => b.dataset.count - a.dataset.count)[0].dataset.month`)
	count := b.eval("its count", fmt.Sprintf(`document.querySelector('.bar-month[data-month=%q]').dataset.count`, month))
	b.do("pick month", chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=place-events]`)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`.bar-month[data-month=%q] .hit`, month)), chromedp.NodeVisible))
	var y, m int
	fmt.Sscanf(month, "%d-%d", &y, &m)
	b.wait("month's events", fmt.Sprintf(`document.querySelector('[data-testid=event-list] h3')?.textContent.startsWith('%d年%d月：%s 个事件') && document.querySelectorAll('[data-testid=event-list] [data-testid=event]').length === %s`, y, m, count, count))
	dates := b.eval("event dates", `[...document.querySelectorAll('[data-testid=event-list] [data-testid=event] .date')].map(e => e.textContent).join(' ')`)
	for _, d := range strings.Fields(dates) {
		if !strings.HasPrefix(d, month) {
			b.t.Errorf("event dated %s listed under %s", d, month)
		}
	}
	b.shot("08-place-events")
}

// phone renders a person's page at a phone's width: nothing wider than the
// screen, the graph still drawn.
func (b *browser) phone(liu string) {
	b.t.Helper()
	b.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(b.base+"/e/"+liu))
	b.wait("phone page", `document.querySelector('[data-testid=entity-name]')?.textContent === '柳鹏' && +document.getElementById('graph')?.dataset.nodes > 5`)
	b.shot("09-phone")
	overflow := run(b, "overflow", chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('svg, .graph, .suggest')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`))
	width := run(b, "width", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if width[0] > width[1] || len(overflow) > 0 {
		b.t.Errorf("phone: page %dpx wide on a %dpx screen; overflowing: %v", width[0], width[1], overflow)
	}
	b.do("full page", chromedp.Sleep(100*time.Millisecond))
	if buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(80)); err == nil {
		_ = os.WriteFile(filepath.Join(b.artifacts, "10-phone-full.jpg"), buf, 0o644)
	} else if !errors.Is(err, context.Canceled) {
		b.t.Logf("full screenshot: %v", err)
	}
}
