import { describe, expect, it } from "vitest";
import { notifications, notificationSummary, replayStates, type Evaluation, type RuleSettings } from "../../src/replay/alert-state";

/**
 * Cases ported from grafana/grafana pkg/services/ngalert/state (manager_test.go TestProcessEvalResults,
 * state_test.go resultKeepLast/resultNormal tables): the same input sequences, the states Grafana expects.
 */
const base: RuleSettings = { title: "test_title", labels: { severity: "page" }, forSeconds: 0, noDataState: "NoData", execErrState: "Error", datasourceUid: "ds-1", refId: "A" };
const S = { labels: { instance: "a" } };
const at = (t: number, condition: boolean): Evaluation => ({ atSeconds: t, series: [{ ...S, condition }] });
const noData = (t: number): Evaluation => ({ atSeconds: t, series: [] });
const error = (t: number): Evaluation => ({ atSeconds: t, error: "query failed" });
const statesOf = (rule: RuleSettings, evals: Evaluation[], labels = S.labels) =>
  replayStates(rule, evals).timeline.map((s) => s.instances.find((i) => JSON.stringify(i.labels) === JSON.stringify(labels))?.state ?? "-");

describe("Grafana alert state machine", () => {
  it("normal -> alerting at once when for is 0; normal again when the condition is false", () => {
    expect(statesOf(base, [at(10, false), at(20, true), at(30, false)])).toEqual(["Normal", "Alerting", "Normal"]);
  });

  it("normal -> pending -> alerting once t - pendingSince >= for (for 10s, interval 10s)", () => {
    const rule = { ...base, forSeconds: 10 };
    expect(statesOf(rule, [at(10, true), at(20, true), at(30, true)])).toEqual(["Pending", "Alerting", "Alerting"]);
    // pending -> normal when the condition fails before `for` has elapsed: no episode at all.
    const r = replayStates({ ...base, forSeconds: 30 }, [at(10, true), at(20, true), at(30, false)]);
    expect(r.episodes).toEqual([]);
  });

  it("keep_firing_for: alerting -> recovering -> normal after keepFiringFor; true again while recovering is alerting without pending", () => {
    const rule = { ...base, forSeconds: 20, keepFiringForSeconds: 20 };
    const evals = [at(10, true), at(20, true), at(30, true), at(40, false), at(50, true), at(60, false), at(70, false), at(80, false)];
    expect(statesOf(rule, evals)).toEqual(["Pending", "Pending", "Alerting", "Recovering", "Alerting", "Recovering", "Recovering", "Normal"]);
    const { episodes } = replayStates(rule, evals);
    expect(episodes).toEqual([{ alertname: "test_title", labels: { instance: "a", severity: "page", alertname: "test_title" }, startSeconds: 30, endSeconds: 80 }]);
  });

  it("noDataState NoData: a DatasourceNoData alert (rulename, datasource_uid, ref_id) at once, resolved once data is back for 2 evaluations", () => {
    const r = replayStates({ ...base, forSeconds: 60 }, [at(10, false), noData(20), noData(30), at(40, false), at(50, false), at(60, false)]);
    expect(r.episodes).toEqual([
      { alertname: "DatasourceNoData", labels: { datasource_uid: "ds-1", ref_id: "A", severity: "page", alertname: "DatasourceNoData", rulename: "test_title" }, startSeconds: 20, endSeconds: 50 },
    ]);
  });

  it("noDataState Alerting applies to the existing instances and respects for", () => {
    const rule: RuleSettings = { ...base, forSeconds: 20, noDataState: "Alerting" };
    expect(statesOf(rule, [at(10, false), noData(20), noData(30), noData(40)])).toEqual(["Normal", "Pending", "Pending", "Alerting"]);
  });

  it("noDataState OK resolves alerting instances; KeepLast keeps them alerting (and a pending one keeps waiting)", () => {
    expect(statesOf({ ...base, noDataState: "OK" }, [at(10, true), noData(20)])).toEqual(["Alerting", "Normal"]);
    expect(statesOf({ ...base, noDataState: "KeepLast" }, [at(10, true), noData(20), noData(30)])).toEqual(["Alerting", "Alerting", "Alerting"]);
    expect(statesOf({ ...base, forSeconds: 30, noDataState: "KeepLast" }, [at(10, true), noData(20), noData(40)])).toEqual(["Pending", "Pending", "Alerting"]);
  });

  it("execErrState Error raises DatasourceError; Alerting pends like a true condition; OK stays normal", () => {
    const r = replayStates(base, [at(10, false), error(20), at(30, false), at(40, false)]);
    expect(r.episodes.map((e) => [e.alertname, e.labels.rulename, e.labels.datasource_uid, e.startSeconds, e.endSeconds])).toEqual([["DatasourceError", "test_title", "ds-1", 20, 40]]);
    expect(statesOf({ ...base, forSeconds: 10, execErrState: "Alerting" }, [at(10, false), error(20), error(30)])).toEqual(["Normal", "Pending", "Alerting"]);
    expect(replayStates({ ...base, execErrState: "OK" }, [at(10, false), error(20)]).episodes).toEqual([]);
  });

  it("a series that disappears keeps its state for one evaluation and resolves after missing_series_evals_to_resolve (2)", () => {
    const other = { labels: { instance: "b" }, condition: false };
    const evals: Evaluation[] = [
      { atSeconds: 10, series: [{ ...S, condition: true }, other] },
      { atSeconds: 20, series: [other] },
      { atSeconds: 30, series: [other] },
    ];
    expect(statesOf(base, evals)).toEqual(["Alerting", "Alerting", "-"]);
    expect(replayStates(base, evals).episodes[0].endSeconds).toBe(30);
  });
});

describe("Alertmanager notification timing", () => {
  const timing = { groupWaitSeconds: 10, groupIntervalSeconds: 300, repeatIntervalSeconds: 3600 };
  const ep = (start: number, end?: number) => ({ alertname: "x", labels: { alertname: "x" }, startSeconds: start, endSeconds: end });

  it("a new group notifies after group_wait; the repeat waits for repeat_interval on a group_interval tick", () => {
    const n = notifications([ep(100)], timing, 8000);
    expect(n.map((x) => [x.atSeconds, x.kind])).toEqual([[110, "new"], [110 + 12 * 300, "repeat"], [110 + 24 * 300, "repeat"]]);
    expect(notificationSummary(n, 80)).toEqual({ timeToNotifySeconds: 30, episodes: 1 });
  });

  it("an alert firing again while its group lives is sent at the next group_interval tick; after the group is deleted, group_wait again", () => {
    // fires 100-200, again 250-: the group (flushes at 110, 410) still exists at 250 -> notified at 410.
    expect(notifications([ep(100, 200), ep(250)], timing, 1000).map((x) => x.atSeconds)).toEqual([110, 410]);
    // fires 100-200 and 900-: the group was deleted at its 410 flush -> 910.
    expect(notifications([ep(100, 200), ep(900)], timing, 1000).map((x) => [x.atSeconds, x.kind])).toEqual([[110, "new"], [910, "new"]]);
  });

  it("an alert that fired and resolved before its group's first flush is never notified", () => {
    expect(notifications([ep(100, 105)], timing, 1000)).toEqual([]);
  });
});
