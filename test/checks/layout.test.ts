import { describe, expect, it } from "vitest";
import { layoutProblems as problemsOf } from "../../src/checks/dashboards";

const layoutProblems = (panels: Parameters<typeof problemsOf>[0]) => problemsOf(panels).map((p) => `${p.panel}: ${p.message}`);

const placed = (id: number, x: number, y: number, w: number, h: number) => ({ id, title: `p${id}`, gridPos: { x, y, w, h } });

describe("layoutProblems", () => {
  it("accepts panels side by side and stacked", () => {
    expect(layoutProblems([placed(1, 0, 0, 12, 8), placed(2, 12, 0, 12, 8), placed(3, 0, 8, 24, 8)])).toEqual([]);
  });

  it("names overlapping panels", () => {
    expect(layoutProblems([placed(1, 0, 0, 12, 8), placed(2, 11, 7, 6, 4), placed(3, 18, 0, 6, 8)])).toEqual([
      'panel 1 "p1": overlaps panel 2 "p2"',
    ]);
  });

  it("rejects panels beyond the 24 columns, with no size, or without a position", () => {
    expect(layoutProblems([placed(1, 20, 0, 8, 8), placed(2, 0, 8, 0, 8), { id: 3, title: "p3" }])).toEqual([
      'panel 1 "p1": x=20 y=0 w=8 h=8 is outside the 24-column grid',
      'panel 2 "p2": x=0 y=8 w=0 h=8 is outside the 24-column grid',
      'panel 3 "p3": has no grid position',
    ]);
  });
});
