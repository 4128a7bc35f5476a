import { formatFinding } from "../../src/checks/findings";
import { describe, expect, it } from "vitest";
import { bodyExposure } from "../../src/checks/body-exposure";
import { bodyExposingQueries } from "../../src/checks/queries";
import { isBoundedUrlSafe } from "../../src/checks/body-exposure";
import { factoryFailuresBySupportLink, withResponseMessage } from "../../src/model/telemetry";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

const http = '{component="jwt-pizza-service", type="http"}';

describe("bodyExposure: queries that cannot return a raw body", () => {
  it.each([
    ["counts aggregated without labels", `sum(count_over_time(${http} | json [5m]))`],
    ["aggregates by fields that are not bodies", `sum by (method, path) (count_over_time(${http} | json [5m]))`],
    ["extracts only the fields it needs", `count_over_time(${http} | json statusCode="statusCode", path="path" [5m])`],
    ["counts by the message parsed out of a body", `sum by (message) (count_over_time(${http}${withResponseMessage([])} [5m]))`],
    [
      "prints only status, path and message from lines",
      `${http}${withResponseMessage(["statusCode", "path"])} | line_format "{{.statusCode}} {{.path}} {{.message}}" | keep statusCode, path, message`,
    ],
    ["formats lines after dropping body labels", `${http} | json | drop reqBody, resBody | line_format "{{.path}}"`],
    [
      "counts factory failures by the support link's shape only",
      factoryFailuresBySupportLink(parseConfig(exampleConfig()).telemetry, "2m"),
    ],
  ])("%s", (_why, query) => {
    expect(bodyExposure(query)).toEqual([]);
  });
});

describe("bodyExposure: queries that could return a raw body", () => {
  it("flags a logs panel over raw lines of the HTTP stream", () => {
    expect(bodyExposure(http)).toEqual([
      "returns raw log lines, which hold request/response bodies: end the pipeline with a line_format printing only the needed fields",
    ]);
    expect(bodyExposure(`${http} |= "/api/order" | json statusCode="statusCode" | statusCode >= 500`)).toHaveLength(1);
  });

  it("flags lines whose last line_format prints a body", () => {
    expect(bodyExposure(`${http} | json resBody="resBody" | line_format "{{.resBody}}" | drop resBody`)).toEqual([
      "returns a body as the log line: end the pipeline with a line_format printing only the needed fields",
    ]);
  });

  it("flags body labels left on lines or series", () => {
    const labelsLeft = "returns label(s) reqBody, resBody holding raw bodies: drop them or keep only the needed labels";
    expect(bodyExposure(`${http} | json | line_format "{{.path}}"`)).toEqual([labelsLeft]);
    expect(bodyExposure(`count_over_time(${http} | json [5m])`)).toEqual([labelsLeft]);
    expect(bodyExposure(`sum without (path) (count_over_time(${http} | json [5m]))`)).toEqual([labelsLeft]);
    expect(bodyExposure(`topk(5, count_over_time(${http} | json [5m]))`)).toEqual([labelsLeft]);
    expect(bodyExposure(`sum by (resBody) (count_over_time(${http} | json [5m]))`)).toEqual([
      "returns label(s) resBody holding raw bodies: drop them or keep only the needed labels",
    ]);
  });

  it("follows a body through label_format, regexp captures and a keep that keeps it", () => {
    expect(bodyExposure(`count_over_time(${http} | json b="resBody" | label_format copy=b | drop b [5m])`)).toEqual([
      "returns label(s) copy holding raw bodies: drop them or keep only the needed labels",
    ]);
    expect(bodyExposure(`count_over_time(${http} | regexp "token\\":\\"(?P<tok>[^\\"]+)" [5m])`)).toEqual([
      "returns label(s) tok holding raw bodies: drop them or keep only the needed labels",
    ]);
    expect(bodyExposure(`${http} | json resBody="resBody" | line_format "{{.path}}" | keep resBody`)).toEqual([
      "returns label(s) resBody holding raw bodies: drop them or keep only the needed labels",
    ]);
  });

  it("a regexp capture is a body unless it admits only short runs of URL-safe characters", () => {
    expect(
      isBoundedUrlSafe("https://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/api/support/[A-Za-z0-9_-]{1,128}/report/[A-Za-z0-9_-]{1,128}"),
    ).toBe(true);
    expect(isBoundedUrlSafe("[a-f0-9]{8}")).toBe(true);
    // Unbounded, any character, a negated class, or quotes and braces: a body fits.
    for (const regex of ["[A-Za-z0-9]+", "https://.{1,10}", "[^/]{1,10}", '[A-Za-z"{}]{1,10}', "[a-z]{1,}", "[a-z]*", "a|b"])
      expect(isBoundedUrlSafe(regex), regex).toBe(false);
    const body = `${http} | json resBody="resBody" | line_format "{{.resBody}}"`;
    expect(
      bodyExposure(
        `sum by (link) (count_over_time(${body} | regexp "\\"reportUrl\\":\\"(?P<link>[A-Za-z0-9:/._-]{1,300})\\"" | drop resBody [5m]))`,
      ),
    ).toEqual([]);
    expect(
      bodyExposure(`sum by (link) (count_over_time(${body} | regexp "\\"reportUrl\\":\\"(?P<link>[^\\"]{1,300})\\"" | drop resBody [5m]))`),
    ).toEqual(["returns label(s) link holding raw bodies: drop them or keep only the needed labels"]);
  });

  it("allows only a body's message out of its content: a token is a body", () => {
    const parsed = `${http} | json resBody="resBody" | line_format "{{.resBody}}"`;
    expect(bodyExposure(`${parsed} | json token="token" | line_format "{{.token}}" | keep token`)).toContain(
      "returns label(s) token holding raw bodies: drop them or keep only the needed labels",
    );
    expect(bodyExposure(`${parsed} | json | line_format "{{.message}}" | drop resBody`)).toEqual([
      "`json` extracts every field of a body; extract only message",
    ]);
  });

  it("reports where the exposing query lives", () => {
    const ref = { owner: "dashboard", subject: "d", where: "dashboard d panel 1 target A", language: "logql", expr: http } as const;
    expect(bodyExposingQueries([ref]).map(formatFinding)).toEqual([
      `[query/body-exposure] dashboard d panel 1 target A: returns raw log lines, which hold request/response bodies: end the pipeline with a line_format printing only the needed fields: ${http}`,
    ]);
    expect(bodyExposingQueries([{ owner: "alert", subject: "x", where: "x", language: "promql", expr: "up" }])).toEqual([]);
  });
});
