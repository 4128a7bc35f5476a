import { describe, expect, it } from "vitest";
import {
  needsUpdate,
  notifications,
  notificationSummary,
  replayStates,
  type Evaluation,
  type RuleSettings,
} from "../../src/replay/alert-state";

/**
 * Cases ported from grafana/grafana pkg/services/ngalert/state (manager_test.go TestProcessEvalResults,
 * state_test.go resultKeepLast/resultNormal tables): the same input sequences, the states Grafana expects.
 */
const base: RuleSettings = {
  title: "test_title",
  labels: { severity: "page" },
  forSeconds: 0,
  noDataState: "NoData",
  execErrState: "Error",
  datasourceUid: "ds-1",
  refId: "A",
};
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
    expect(statesOf(rule, evals)).toEqual([
      "Pending",
      "Pending",
      "Alerting",
      "Recovering",
      "Alerting",
      "Recovering",
      "Recovering",
      "Normal",
    ]);
    const { episodes } = replayStates(rule, evals);
    expect(episodes).toEqual([
      { alertname: "test_title", labels: { instance: "a", severity: "page", alertname: "test_title" }, startSeconds: 30, endSeconds: 80 },
    ]);
  });

  it("noDataState NoData: a DatasourceNoData alert (rulename, datasource_uid, ref_id) at once, resolved after one evaluation with data (manager.go processMissingSeriesStates: NoData/Error resolve after 1 missing evaluation)", () => {
    const r = replayStates({ ...base, forSeconds: 60 }, [
      at(10, false),
      noData(20),
      noData(30),
      at(40, false),
      at(50, false),
      at(60, false),
    ]);
    expect(r.episodes).toEqual([
      {
        alertname: "DatasourceNoData",
        labels: { datasource_uid: "ds-1", ref_id: "A", severity: "page", alertname: "DatasourceNoData", rulename: "test_title" },
        startSeconds: 20,
        endSeconds: 40,
      },
    ]);
    // missing_series_evals_to_resolve does not delay it.
    expect(replayStates({ ...base, missingSeriesEvalsToResolve: 5 }, [noData(20), at(30, false)]).episodes[0].endSeconds).toBe(30);
  });

  it("an Error instance is one of its own (datasource_uid/ref_id): a later result without labels is another instance, Normal -> Alerting, while the DatasourceError alert resolves after one evaluation without it", () => {
    const unlabelled = (t: number, condition: boolean): Evaluation => ({ atSeconds: t, series: [{ labels: {}, condition }] });
    const r = replayStates(base, [unlabelled(10, false), error(20), unlabelled(30, true)]);
    expect(r.timeline.map((x) => x.instances.map((i) => i.state))).toEqual([["Normal"], ["Normal", "Error"], ["Alerting"]]);
    expect(r.episodes.map((e) => [e.alertname, e.labels.datasource_uid, e.startSeconds, e.endSeconds])).toEqual([
      ["DatasourceError", "ds-1", 20, 30],
      ["test_title", undefined, 30, undefined],
    ]);
  });

  it("noDataState Alerting applies to the existing instances and respects for", () => {
    const rule: RuleSettings = { ...base, forSeconds: 20, noDataState: "Alerting" };
    expect(statesOf(rule, [at(10, false), noData(20), noData(30), noData(40)])).toEqual(["Normal", "Pending", "Pending", "Alerting"]);
  });

  it("noDataState OK resolves alerting instances; KeepLast keeps them alerting (and a pending one keeps waiting)", () => {
    expect(statesOf({ ...base, noDataState: "OK" }, [at(10, true), noData(20)])).toEqual(["Alerting", "Normal"]);
    expect(statesOf({ ...base, noDataState: "KeepLast" }, [at(10, true), noData(20), noData(30)])).toEqual([
      "Alerting",
      "Alerting",
      "Alerting",
    ]);
    expect(statesOf({ ...base, forSeconds: 30, noDataState: "KeepLast" }, [at(10, true), noData(20), noData(40)])).toEqual([
      "Pending",
      "Pending",
      "Alerting",
    ]);
  });

  it("execErrState Error raises DatasourceError; Alerting pends like a true condition; OK stays normal", () => {
    const r = replayStates(base, [at(10, false), error(20), at(30, false), at(40, false)]);
    // Resolved at the first evaluation without the error (one missing evaluation), not after two.
    expect(r.episodes.map((e) => [e.alertname, e.labels.rulename, e.labels.datasource_uid, e.startSeconds, e.endSeconds])).toEqual([
      ["DatasourceError", "test_title", "ds-1", 20, 30],
    ]);
    expect(statesOf({ ...base, forSeconds: 10, execErrState: "Alerting" }, [at(10, false), error(20), error(30)])).toEqual([
      "Normal",
      "Pending",
      "Alerting",
    ]);
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

const ids = (...xs: number[]) => new Set(xs.map(String));

describe("Alertmanager notify.go DedupStage.needsUpdate (notify_test.go TestDedupStageNeedsUpdate, all 11 cases)", () => {
  // now = 1000 s; repeat 10 min; `resolve` is the receiver's send_resolved. Expected: whether it sends.
  const now = 1000;
  const entry = (firing: number[], resolved: number[], agoSeconds: number | "zero") => ({
    firing: ids(...firing),
    resolved: ids(...resolved),
    atSeconds: agoSeconds === "zero" ? -1e12 : now - agoSeconds,
  });
  const cases: Array<[string, ReturnType<typeof entry> | undefined, Set<string>, Set<string>, number, boolean, boolean]> = [
    ["No matching nflog entry should update", undefined, ids(2, 3, 4), ids(), 0, false, true],
    ["No matching nflog entry shouldn't update if no alert fires", undefined, ids(), ids(2, 3, 4), 0, false, false],
    ["Different sets of firing alerts should update", entry([1, 2, 3], [], 0), ids(2, 3, 4), ids(), 0, false, true],
    ["Zero timestamp in the nflog entry should always update", entry([1, 2, 3], [], "zero"), ids(1, 2, 3), ids(), 0, false, true],
    ["Identical sets of alerts shouldn't update before repeat_interval", entry([1, 2, 3], [], 540), ids(1, 2, 3), ids(), 600, false, false],
    ["Identical sets of alerts should update after repeat_interval", entry([1, 2, 3], [], 660), ids(1, 2, 3), ids(), 600, false, true],
    [
      "Different sets of resolved alerts without firing alerts shouldn't update after repeat_interval",
      entry([], [1, 2, 3], 660),
      ids(),
      ids(3, 4, 5),
      600,
      true,
      false,
    ],
    [
      "Different sets of resolved alerts shouldn't update when resolve is false",
      entry([1, 2], [3], 540),
      ids(1),
      ids(2, 3),
      600,
      false,
      false,
    ],
    ["Different sets of resolved alerts should update when resolve is true", entry([1, 2], [3], 540), ids(1), ids(2, 3), 600, true, true],
    ["Empty set of firing alerts should update when resolve is false", entry([1, 2], [3], 540), ids(), ids(1, 2, 3), 600, false, true],
    ["Empty set of firing alerts should update when resolve is true", entry([1, 2], [3], 540), ids(), ids(1, 2, 3), 600, true, true],
  ];
  for (const [name, e, firing, resolved, repeat, resolve, sends] of cases) {
    it(name, () => {
      expect(needsUpdate(e, firing, resolved, repeat, now, resolve) !== undefined).toBe(sends);
    });
  }
  it("the repeat needs the last send strictly older than repeat_interval (entry.Timestamp.Before(now - repeat)): exactly repeat_interval ago does not send", () => {
    expect(needsUpdate(entry([1], [], 600), ids(1), ids(), 600, now, true)).toBeUndefined();
    expect(needsUpdate(entry([1], [], 601), ids(1), ids(), 600, now, true)).toBe("repeat");
  });
});

describe("Alertmanager aggregation group timing (dispatch.go aggrGroup with notify.go DedupStage)", () => {
  const timing = { groupWaitSeconds: 10, groupIntervalSeconds: 300, repeatIntervalSeconds: 3600 };
  const ep = (start: number, end?: number, alertname = "x") => ({ alertname, labels: { alertname }, startSeconds: start, endSeconds: end });
  const sent = (n: ReturnType<typeof notifications>) => n.map((x) => [x.atSeconds, x.kind, ...(x.resolved.length ? [x.resolved] : [])]);

  it("a new group notifies after group_wait; a repeat lands on the first group_interval tick after repeat_interval has strictly passed (13th tick, not 12th)", () => {
    const n = notifications([ep(100)], timing, 8000);
    // 110 + 12 * 300 = 3710 is exactly repeat_interval after the send: not strictly older, so 4010.
    expect(sent(n)).toEqual([
      [110, "new"],
      [110 + 13 * 300, "repeat"],
      [110 + 26 * 300, "repeat"],
    ]);
    expect(notificationSummary(n, 80)).toEqual({ timeToNotifySeconds: 30, episodes: 1 });
  });

  it("an alert that resolves is announced resolved at the next group_interval tick (send_resolved), beside the firing notification", () => {
    expect(sent(notifications([ep(100, 200)], timing, 1000))).toEqual([
      [110, "new"],
      [410, "resolved", ["x"]],
    ]);
    // send_resolved false: everything resolved is still sent (so the log forgets the firing alerts).
    expect(sent(notifications([ep(100, 200)], timing, 1000, { sendResolved: false }))).toEqual([
      [110, "new"],
      [410, "resolved", ["x"]],
    ]);
  });

  it("two alerts in one group: the second joins at the next tick (no group_wait of its own); one resolving while the other fires is sent only with send_resolved", () => {
    const two = [ep(100, undefined, "a"), ep(150, 700, "b")];
    expect(sent(notifications(two, timing, 1100))).toEqual([
      [110, "new"],
      [410, "new"],
      [710, "resolved", ["b"]],
    ]);
    expect(sent(notifications(two, timing, 1100, { sendResolved: false }))).toEqual([
      [110, "new"],
      [410, "new"],
    ]);
  });

  it("an alert firing again soon after resolving joins its existing group: Grafana re-sends the resolved alert for ResolvedRetention (15 min), so the group is not removed and no fresh group_wait applies", () => {
    // Resolved at 200 (notified at 410), fires again at 900: the group lives until 200 + 900 s -> next tick 1010.
    expect(sent(notifications([ep(100, 200), ep(900)], timing, 1500))).toEqual([
      [110, "new"],
      [410, "resolved", ["x"]],
      [1010, "new"],
    ]);
    // Fires again 20 min after resolving: the group was removed; a new one waits group_wait (2400 + 10).
    expect(sent(notifications([ep(100, 200), ep(2400)], timing, 3000))).toEqual([
      [110, "new"],
      [410, "resolved", ["x"]],
      [2410, "new"],
    ]);
  });

  it("the same alert resolving and firing again between two flushes continues: the notification log still has it firing, nothing is sent", () => {
    expect(sent(notifications([ep(100, 200), ep(250)], timing, 1000))).toEqual([[110, "new"]]);
  });

  it("an alert that fired and resolved before its group's first flush is never notified (TestDedupStageNeedsUpdate: no entry, nothing firing)", () => {
    expect(notifications([ep(100, 105)], timing, 1000)).toEqual([]);
  });

  it("a flush while a mute timing is current sends nothing and logs nothing (notify.go TimeMuteStage): the first flush after the window sends", () => {
    const muted = (t: number) => t >= 100 && t < 700;
    expect(sent(notifications([ep(100)], timing, 1000, { muted }))).toEqual([
      [110, "muted"],
      [410, "muted"],
      [710, "new"],
    ]);
    // The repeat counts from the last real send, not from a muted flush.
    const late = notifications([ep(100)], timing, 8000, { muted: (t) => t >= 3000 && t < 5000 });
    expect(sent(late)).toEqual([
      [110, "new"],
      [4010, "muted"],
      [4310, "muted"],
      [4610, "muted"],
      [4910, "muted"],
      [5210, "repeat"],
    ]);
  });
});
