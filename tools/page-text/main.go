// Command page-text expands Grafana-managed alert rule annotations (summary, description) the way
// Grafana's state manager does before an alert reaches its Alertmanager, with Prometheus' own
// template engine: github.com/prometheus/prometheus/template (humanize, humanizePercentage,
// humanizeDuration, title, reReplaceAll, args, externalURL, ...).
//
// What Grafana adds on top, as read in grafana/grafana pkg/services/ngalert/state/template
// (template.go Expand, funcs.go defaultFuncs):
//   - the data is {Labels, Values, Value}, and the text is prefixed with
//     {{- $labels := .Labels -}}{{- $values := .Values -}}{{- $value := .Value -}};
//   - a value prints with two significant digits before the point is reached (Value.String);
//     a refId without a value is NaN;
//   - `query` answers nothing (Grafana does not support it);
//   - missing keys print "<no value>", which Grafana then writes "[no value]";
//   - the extra functions filterLabels, filterLabelsRe, removeLabels, removeLabelsRe,
//     mergeLabelValues, graphLink and tableLink.
//
// Input (stdin, JSON): {"externalURL": "...", "evaluatedAtSeconds": 0, "items": [{"name": "...",
// "text": "...", "labels": {...}, "values": {"A": {"labels": {...}, "value": 1.5}}, "value": "..."}]}.
// Output (stdout, JSON): {"results": [{"text": "..."} or {"error": "..."}]}, one per item.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	texttemplate "text/template"
	"time"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/template"
)

// version is set at build time (-ldflags -X main.version=...): the content of this folder, so a
// cached binary built from other sources is never taken for this one.
var version = "dev"

// Labels is a label set; it prints as Grafana prints one: k=v pairs, sorted by name, comma separated.
type Labels map[string]string

func (l Labels) String() string {
	names := make([]string, 0, len(l))
	for k := range l {
		names = append(names, k)
	}
	sort.Strings(names)
	pairs := make([]string, len(names))
	for i, k := range names {
		pairs[i] = k + "=" + l[k]
	}
	return strings.Join(pairs, ", ")
}

// Value is one refId's series at the evaluation: its labels and value.
type Value struct {
	Labels Labels
	Value  float64
}

// String prints the value as Grafana's Value.String and its TestValueString cases: a whole number
// without decimals ("0", "1"), otherwise with enough decimals for two significant digits ("1.1"),
// none past the point from 10 on.
func (v Value) String() string {
	if v.Value == math.Trunc(v.Value) || math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
		return strconv.FormatFloat(v.Value, 'f', -1, 64)
	}
	digitsBeforePoint := int(math.Floor(math.Log10(math.Abs(v.Value)))) + 1
	decimals := 2 - digitsBeforePoint
	if decimals < 0 {
		decimals = 0
	}
	return strconv.FormatFloat(v.Value, 'f', decimals, 64)
}

// Data is what a rule's annotation template sees.
type Data struct {
	Labels Labels
	Values map[string]Value
	Value  string
}

type inputValue struct {
	Labels Labels   `json:"labels"`
	Value  *float64 `json:"value"`
}

type item struct {
	Name   string                `json:"name"`
	Text   string                `json:"text"`
	Labels Labels                `json:"labels"`
	Values map[string]inputValue `json:"values"`
	Value  string                `json:"value"`
}

type request struct {
	ExternalURL        string  `json:"externalURL"`
	EvaluatedAtSeconds float64 `json:"evaluatedAtSeconds"`
	Items              []item  `json:"items"`
}

type result struct {
	Text  string `json:"text,omitempty"`
	Error string `json:"error,omitempty"`
}

func keepLabels(m Labels, keep func(string) bool) Labels {
	out := Labels{}
	for k, v := range m {
		if keep(k) {
			out[k] = v
		}
	}
	return out
}

// exploreLink is the Explore URL of graphLink/tableLink for a {"expr", "datasource"} JSON argument.
func exploreLink(instant bool) func(string) string {
	return func(arg string) string {
		var q struct {
			Datasource string `json:"datasource"`
			Expr       string `json:"expr"`
		}
		if json.Unmarshal([]byte(arg), &q) != nil {
			return ""
		}
		ds, expr := url.QueryEscape(q.Datasource), url.QueryEscape(q.Expr)
		return fmt.Sprintf(`/explore?left={"datasource":%q,"queries":[{"datasource":%q,"expr":%q,"instant":%t,"range":%t,"refId":"A"}],"range":{"from":"now-1h","to":"now"}}`,
			ds, ds, expr, instant, !instant)
	}
}

var grafanaFuncs = texttemplate.FuncMap{
	"filterLabels":   func(m Labels, name string) Labels { return keepLabels(m, func(k string) bool { return k == name }) },
	"filterLabelsRe": func(m Labels, re string) Labels { return keepLabels(m, regexp.MustCompile(re).MatchString) },
	"removeLabels":   func(m Labels, name string) Labels { return keepLabels(m, func(k string) bool { return k != name }) },
	"removeLabelsRe": func(m Labels, re string) Labels {
		r := regexp.MustCompile(re)
		return keepLabels(m, func(k string) bool { return !r.MatchString(k) })
	},
	"mergeLabelValues": func(values map[string]Value) Labels {
		seen := map[string]map[string]bool{}
		for _, v := range values {
			for k, lv := range v.Labels {
				if seen[k] == nil {
					seen[k] = map[string]bool{}
				}
				seen[k][lv] = true
			}
		}
		out := Labels{}
		for k, set := range seen {
			list := make([]string, 0, len(set))
			for lv := range set {
				list = append(list, lv)
			}
			sort.Strings(list)
			out[k] = strings.Join(list, ", ")
		}
		return out
	},
	"graphLink": exploreLink(false),
	"tableLink": exploreLink(true),
}

func expand(it item, externalURL *url.URL, at time.Time) result {
	values := map[string]Value{}
	for ref, v := range it.Values {
		f := math.NaN()
		if v.Value != nil {
			f = *v.Value
		}
		values[ref] = Value{Labels: v.Labels, Value: f}
	}
	labels := it.Labels
	if labels == nil {
		labels = Labels{}
	}
	data := Data{Labels: labels, Values: values, Value: it.Value}
	text := "{{- $labels := .Labels -}}{{- $values := .Values -}}{{- $value := .Value -}}" + it.Text
	noQuery := func(context.Context, string, time.Time) (promql.Vector, error) { return nil, nil }
	expander := template.NewTemplateExpander(context.Background(), text, "__alert_"+it.Name, data,
		model.TimeFromUnixNano(at.UnixNano()), noQuery, externalURL, []string{"missingkey=invalid"})
	expander.Funcs(grafanaFuncs)
	out, err := expander.Expand()
	if err != nil {
		return result{Error: err.Error()}
	}
	return result{Text: strings.ReplaceAll(out, "<no value>", "[no value]")}
}

func run(in io.Reader, out io.Writer) error {
	var req request
	if err := json.NewDecoder(io.LimitReader(in, 64<<20)).Decode(&req); err != nil {
		return fmt.Errorf("reading the request on stdin: %w", err)
	}
	externalURL, err := url.Parse(req.ExternalURL)
	if err != nil {
		return fmt.Errorf("externalURL: %w", err)
	}
	sec, frac := math.Modf(req.EvaluatedAtSeconds)
	at := time.Unix(int64(sec), int64(frac*1e9)).UTC()
	results := make([]result, len(req.Items))
	for i, it := range req.Items {
		results[i] = expand(it, externalURL, at)
	}
	return json.NewEncoder(out).Encode(struct {
		Results []result `json:"results"`
	}{results})
}

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "-version" || os.Args[1] == "--version") {
		fmt.Printf("page-text %s\n", version)
		return
	}
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "usage: page-text [-version] < request.json (see the package comment)")
		os.Exit(2)
	}
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "page-text: %v\n", err)
		os.Exit(2)
	}
}
