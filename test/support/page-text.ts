import { requireEngines } from "../../src/cli/engines/locate";
import { engines } from "../../src/cli/engines/pins";
import { REPO_ROOT } from "../../src/config/paths";
import type { PageTextEngines } from "../../src/replay/page-text";

/**
 * The page-text helper (built from tools/page-text by `npm run engines -- --only page-text`) and
 * Debian's amtool. A missing one fails the calling test with the one line saying how to get it:
 * these are registry-built engines, never skipped.
 */
export function pageTextEngines(): PageTextEngines {
  const found = requireEngines(engines(REPO_ROOT), ["page-text"]);
  return { pageText: found["page-text"], amtool: "amtool" };
}
