package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// post is gqlgen's POST transport (transport.POST, whose Supports it
// keeps) with one change in how it writes an answer. gqlgen writes every
// answer with json.Marshal of a graphql.Response, whose data, already
// JSON, encoding/json then scans again byte by byte to compact it: 5 % of
// the service's CPU for a career. An answer that has data and nothing
// else (no errors, extensions, label, path or hasNext) is written here as
// {"data":…} directly, escaping <, >, &, U+2028 and U+2029 in it as
// json.Marshal does, so that the bytes are the same; any other answer is
// written by json.Marshal as before. Do is transport.POST.Do (v0.17.98)
// otherwise, without a ResponseHeaders option (NewHandler sets none).
type post struct {
	transport.POST
}

// The response content types of transport.POST.
const (
	applicationJSON            = "application/json"
	applicationGraphQLResponse = "application/graphql-response+json"
)

func (h post) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	w.Header().Add("Content-Type", contentType)
	start := graphql.Now()

	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %+v body:%s", err, string(body))}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == applicationGraphQLResponse {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

// responseContentType is transport.POST's choice of content type by the
// request's Accept header (without explicit headers, and JSON by default).
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return applicationJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", applicationJSON:
			return applicationJSON
		case applicationGraphQLResponse:
			return applicationGraphQLResponse
		}
	}
	return applicationGraphQLResponse
}

var (
	dataOpen  = []byte(`{"data":`)
	dataClose = []byte(`}`)
)

// writeResponse writes resp as json.Marshal would.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if len(resp.Errors) > 0 || len(resp.Data) == 0 || resp.Label != "" || resp.Path != nil || resp.HasNext != nil || len(resp.Extensions) > 0 {
		b, err := json.Marshal(resp)
		if err != nil {
			panic("unable to marshal " + string(resp.Data) + ": " + err.Error())
		}
		w.Write(b)
		return
	}
	// json.Marshal escapes HTML's <, > and & and the line and paragraph
	// separators in the strings of the data; HTMLEscape does the same.
	var buf bytes.Buffer
	buf.Grow(len(dataOpen) + len(resp.Data) + len(dataClose))
	buf.Write(dataOpen)
	json.HTMLEscape(&buf, resp.Data)
	buf.Write(dataClose)
	w.Write(buf.Bytes())
}
