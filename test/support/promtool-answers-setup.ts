import { installKeptAnswers } from "./promtool-answers";

// vitest setupFiles, and the preload of the commands test/support/cli.ts spawns: promtool's answers kept within the run.
installKeptAnswers();
