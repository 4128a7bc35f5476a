// The stages of src/ and the definition folders, in the order dependencies may flow:
// each may import from those before it, never from those after it, and nothing imports in a cycle.
const STAGES = [
  ["config", "^src/config/"],
  ["model", "^src/model/"],
  ["definitions", "^(alerts|dashboards|contact-points|recording-rules)/"],
  ["build", "^src/build/"],
  ["checks", "^src/checks/"],
  ["emit", "^src/emit/"],
  ["review", "^src/review/"],
  ["replay", "^src/replay/"],
  ["backtest", "^src/backtest/"],
  ["preview", "^src/preview/"],
  ["cli", "^src/cli/"],
];

const layering = STAGES.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-a-later-stage`,
  comment: `${name} may only import stages before it: ${
    STAGES.slice(0, i)
      .map(([n]) => n)
      .join(", ") || "none"
  }`,
  severity: "error",
  from: { path },
  to: { path: STAGES.slice(i + 1).map(([, p]) => p) },
}));

module.exports = {
  forbidden: [{ name: "no-circular", severity: "error", comment: "an import cycle", from: {}, to: { circular: true } }, ...layering],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|rendered|test)/" },
    // Type-only imports count too: a cycle through types still tangles the stages.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
